"""Fixed sentences shown in more than one place (web page and printed document)."""

GUIDES_INTRO = (
    "Some problems teacher leaders meet cannot be fixed by more training: they need a conversation "
    "with the principal. Each guide structures one such conversation, with what each person prepares, "
    "a timed sequence of questions, and prompts for agreements and next steps."
)
GUIDES_BEFORE = (
    "Agree on a date, share the guide, and give each other a week to prepare. Meet somewhere you will "
    "not be interrupted, and end by writing down your agreements together."
)
