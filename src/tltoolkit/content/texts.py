"""Fixed sentences shown in more than one place (web page and printed document)."""

from dataclasses import dataclass

GUIDES_INTRO = (
    "Some problems teacher leaders meet cannot be fixed by more training: they need a conversation "
    "with the principal. Each guide structures one such conversation, with what each person prepares, "
    "a timed sequence of questions, and prompts for agreements and next steps."
)
GUIDES_BEFORE = (
    "Agree on a date, share the guide, and give each other a week to prepare. Meet somewhere you will "
    "not be interrupted, and end by writing down your agreements together."
)


# A job description's fixed wording, the same in the fillable PDF and the Word file. The keys of
# `school_fields` name the PDF's form fields.
@dataclass(frozen=True)
class JobDescriptionWords:
    kicker: str = "Teacher leader role description"
    blank_kicker: str = "Job description template"
    school: str = "For your school"
    school_fields: tuple[tuple[str, str], ...] = (
        ("school", "School"),
        ("holder", "Teacher leader"),
        ("supervisor", "Supervisor"),
        ("start-date", "Start date"),
        ("stipend-or-release", "Stipend or release time"),
    )
    how_to_use: str = "How to use this template"
    changes: str = "Changes for our school"
    agreed: str = "Agreed by"
    signers: tuple[tuple[str, str], ...] = (("teacher-leader", "Teacher leader"), ("principal", "Principal"))
    signature: str = "Signature"
    date: str = "Date"


JOB_DESCRIPTION = JobDescriptionWords()
