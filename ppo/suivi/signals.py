"""Stored files follow their rows: an attachment's file is removed from the storage once its deletion is committed."""

from django.db import transaction


def piece_jointe_delete_file(sender, instance, using, **kwargs):
    """Receiver of `post_delete` for `PieceJointe`, sent for every row, cascades included (deleting an action, its
    follow-up, a programme…).

    The file goes only after the commit: a rolled-back deletion keeps both the row and its file. `robust`: a storage
    error is logged and does not stop the other callbacks of the transaction.
    """
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name), using=using, robust=True)
