"""Errors of a form, announced once for every form of the site (RGAA 11.10, 11.11).

`base.html` asks `invalid_forms` for the forms of the page that were validated and refused: the title then starts
with « Erreur : » and an error summary (`includes/error_summary.html`) lists each error with a link to its field.
The field snippets (`dsfr/form_field_snippets/`) mark the fields with `ppo_field`: `aria-invalid` and an
`aria-describedby` that keeps the hint next to the error message.
"""

from django import forms, template
from django.forms.formsets import BaseFormSet
from dsfr.utils import dsfr_input_class_attr

register = template.Library()

GROUPED_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def _refused(form) -> bool:
    # A form that was not validated is not asked to validate here (`_errors` is None until then).
    return form.is_bound and form._errors is not None and bool(form._errors)


@register.simple_tag(takes_context=True)
def invalid_forms(context) -> list:
    """The forms (and forms of formsets) of the page that were submitted and refused, each once."""
    found, seen = [], set()
    for value in context.flatten().values():
        candidates = value.forms if isinstance(value, BaseFormSet) and value.is_bound else [value]
        for form in candidates:
            if isinstance(form, forms.BaseForm) and id(form) not in seen and _refused(form):
                seen.add(id(form))
                found.append(form)
    return found


def _anchor(bound_field) -> str:
    """The id of what the link of the summary moves to: the input, or the first box of a group."""
    if isinstance(bound_field.field.widget, GROUPED_WIDGETS):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


@register.simple_tag
def error_summary_items(forms_with_errors) -> list[dict]:
    """One line per error, in the order of the form: the field's label, the message, the link to the field."""
    items = []
    for form in forms_with_errors:
        # An error of the whole form (a refused login) leads to its first field, where the user starts again.
        first = next(iter(form.visible_fields()), None)
        for message in form.non_field_errors():
            items.append({"label": "", "message": message, "href": f"#{_anchor(first)}" if first else ""})
        for bound_field in form:
            for message in bound_field.errors:
                href = "" if bound_field.is_hidden else f"#{_anchor(bound_field)}"
                items.append({"label": bound_field.label, "message": message, "href": href})
    return items


@register.filter
def ppo_field(bound_field):
    """django-dsfr's classes, then `aria-describedby` naming the hint and the error message, not only the error."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.FileInput) and "class" not in widget.attrs:
        # The DSFR's upload block, which django-dsfr leaves as a bare input.
        widget.attrs["class"] = "fr-upload"
        widget.group_class = "fr-upload-group"
    bound_field = dsfr_input_class_attr(bound_field)
    attrs = widget.attrs
    if bound_field.is_hidden:
        return bound_field
    if bound_field.form._errors and bound_field.errors:
        described = [f"{bound_field.auto_id}_helptext"] if bound_field.help_text else []
        described.append(f"{bound_field.auto_id}-desc-error")
        attrs["aria-describedby"] = " ".join(described)
        attrs["aria-invalid"] = "true"
    else:
        attrs.pop("aria-invalid", None)
        if attrs.get("aria-describedby", "").endswith("-desc-error"):
            attrs.pop("aria-describedby")
    return bound_field


@register.filter
def mixes_optional_fields(form) -> bool:
    """Whether the form needs the DSFR's sentence « Sauf mention contraire, tous les champs sont obligatoires. »:
    some visible fields are required and others are marked « (Optionnel) »."""
    required = {bound_field.field.required for bound_field in form.visible_fields()}
    return required == {True, False}
