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


# --- the resource pages and their printable versions (focus area, competencies, reflection,
# role inventory, principal-moves poster): the same sentences on the web page and on paper.

REFLECTION_INTRO = (
    "Use these questions to open a team meeting, a coaching conversation or a staff session on teacher "
    "leadership. Pick one theme, give people a few minutes to write, then talk."
)
FOCUS_AREA_DESCRIPTION = (
    "A focus area for instructional leadership teams planning the rollout of teacher leadership: vision, "
    "essential questions, objectives and action steps."
)


def competencies_intro(levels: int) -> str:
    """The framework's opening sentences; `levels` is how many levels the data describes."""
    return (
        "These competencies describe how teacher leaders grow, grouped by the stance a teacher takes. Each "
        f"one has observable evidence at {levels} level{'' if levels == 1 else 's'}, so a teacher leader and a "
        "principal can agree where practice stands today and what the next step looks like."
    )


# The role inventory's columns, as the /roles/ table heads them (the area groups the rows on paper).
INVENTORY_COLUMNS = ("Role", "When held", "Scope", "Who fills it", "Skills")


@dataclass(frozen=True)
class PrintWords:
    """Fixed wording of the printed resource pages (what the web page says with links or buttons)."""

    focus_area_kicker: str = "Focus area for instructional leadership teams"
    competencies_kicker: str = "Competency framework"
    competencies_develops: str = "Develops"
    reflection_kicker: str = "Reflection questions"
    reflection_answer: str = "Your notes"
    inventory_kicker: str = "Role inventory"
    inventory_title: str = "Teacher leader roles at a glance"
    inventory_lead: str = (
        "One line per role, grouped by area: when the role is held, its scope, who fills it and the skills "
        "it draws on. Each role's page on the website has a job description ready to adapt."
    )
    # The roles credit their sources one by one; the inventory names them together.
    inventory_sources_note: str = (
        "Each role's job description names the works it follows and whether it has been reviewed"
    )
    poster_kicker: str = "For principals: a poster"
    poster_lead: str = (
        "For each core leadership skill: the competencies teacher leaders build, and the moves a principal can "
        "make to support them"
    )
    poster_with_examples: str = ", each with an example"
    poster_start: str = "Pick one or two moves per skill to start with."
    poster_more: str = "Why each move matters: the chart of key principal moves, on the website and as a PDF."
    see_also: str = "See also (on the website)"
    continued: str = "(continued)"


PRINT = PrintWords()
