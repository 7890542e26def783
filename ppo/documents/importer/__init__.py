"""Reading a filled-in Word PPO: `safety` refuses bad files before anything is parsed, `reader` parses the rest."""


class ImportRefused(Exception):
    """A file we will not read; the message is shown to the user as is (French)."""
