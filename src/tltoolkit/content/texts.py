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


# A discussion guide's fixed wording, the same in the fillable PDF and the Word file.
@dataclass(frozen=True)
class GuideWords:
    kicker: str = "Leadership discussion guide"
    purpose: str = "Purpose"
    who: str = "Who meets"
    when: str = "When to use it"
    time: str = "Time"
    skills: str = "Skills"
    meeting_fields: tuple[tuple[str, str], ...] = (("date", "Date of the meeting"), ("participants", "Who took part"))
    before: str = "Before the meeting"
    principal_prepares: str = "The principal prepares"
    leader_prepares: str = "The teacher leader prepares"
    conversation: str = "The conversation"
    tip: str = "Facilitation tip"
    notes: str = "Notes"
    agreements: str = "Agreements"
    our_agreements: str = "Our agreements"
    next_steps: str = "Next steps"
    actions_header: tuple[str, str, str] = ("What we will do", "Who", "By when")
    serves: str = "Roles this guide serves most"
    booklet_title: str = "Leadership discussion guides"
    booklet_before: str = "Before you meet"


GUIDE = GuideWords()


# The school-conditions self-assessment's fixed wording, the same in the fillable PDF and the Word file.
@dataclass(frozen=True)
class ConditionsWords:
    kicker: str = "School self-assessment"
    title: str = "School conditions for teacher leadership"
    lead: str = (
        "Teacher leaders do their best work in schools that are set up for it. For each condition, "
        "tick the signs you can already see, rate where your school stands, and note which strategy "
        "you will try first."
    )
    school_fields: tuple[tuple[str, str], ...] = (
        ("school", "School"),
        ("date", "Date"),
        ("completed-by", "Completed by"),
    )
    scale: str = "Rating scale"
    ratings: tuple[str, ...] = ("Not yet", "Getting started", "Partly in place", "Fully in place")  # lowest first
    contents: str = "The conditions"
    signs: str = "Signs it is in place"
    rating: str = "Our rating"
    strategies: str = "Strategies to try"
    see_also: str = "See also (on the website)"
    notes: str = "Notes and next step"


CONDITIONS = ConditionsWords()


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
    # What each file is for. A role's own text is fixed in the PDF: prefilled PDF fields clip long
    # text and lose its lists, so the Word file is the one to reword.
    pdf_note: str = (
        "Type or write in this PDF's boxes: your school's details, the changes you agree and the "
        "signatures. The description itself cannot be changed here: to reword it, adapt the Word "
        "version, where all of the text can be edited."
    )
    changes_note: str = (
        "Note what your school does differently from the description above, or reword it in the "
        "Word version and print that instead."
    )
    web_note: str = (
        "Make your changes in the Word file, where all of the text can be edited. The PDF is for "
        "printing and signing: its boxes take your school's details, your changes and the "
        "signatures, but its description cannot be reworded there."
    )
    pdf_button: str = "Download PDF (to print and sign)"
    word_button: str = "Download Word (to adapt the text)"


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


# --- selection kit ----------------------------------------------------------------------
# The fixed wording of a role's selection kit (and the blank one), the same in the fillable PDF
# and the Word file. "{skill}" in a point's description is the criterion's skill, in lower case.


@dataclass(frozen=True)
class SelectionWords:
    kicker: str = "Selection kit"
    blank_title: str = "Selection kit for a teacher leader role"
    blank_lead: str = (
        "A posting, questions and a scoring rubric to fill in for any teacher leader role, so that "
        "everyone who could do the job hears about it and every candidate is judged the same way."
    )
    role_lead: str = (
        "A posting, questions and a scoring rubric built from this role's description. Adapt the "
        "wording to your school before you post it, then use the same kit for every candidate."
    )
    not_principal: str = (
        "The principal does not choose who holds this role. Offer this kit to those who do; the "
        "posting, questions and rubric work for a panel, an election or a district office too."
    )
    fair: str = "Steps that keep the selection fair"
    fair_steps: tuple[str, ...] = (
        "Post the opening to every eligible staff member at the same time, in writing, with the "
        "responsibilities, the time, the pay and how the choice will be made. Give a closing date "
        "that leaves time for anyone to apply, including staff on leave or part time.",
        "Settle the criteria and what each score means before reading any application (the rubric "
        "below), and say in the posting what they are.",
        "Ask every candidate the same questions in the same order. Follow-up questions ask for "
        "detail on an answer; they do not open new topics for some candidates only.",
        "Have at least two people score each candidate. Each scores alone and writes the evidence "
        "for each score before the scorers compare.",
        "Compare scores criterion by criterion. Where scorers differ by more than one point, look "
        "at the evidence again and record the agreed score and the reason.",
        "Score what candidates show in their application, interview and current work, not length "
        "of service, friendship or who asked first.",
        "Before announcing the choice, compare who applied and who was chosen with the whole "
        "faculty (years of experience, grade or department, background). If some groups never "
        "apply or are never chosen, find out why before the next opening.",
        "Tell every candidate the outcome in person, and offer each one not chosen a conversation "
        "about what would strengthen a future application.",
    )
    posting: str = "The posting"
    posting_fields: tuple[tuple[str, str], ...] = (
        ("school", "School"),
        ("apply-by", "Apply by (date)"),
        ("apply-to", "Apply to (name and how)"),
        ("starts", "Role starts"),
    )
    summary: str = "What the role is for"
    responsibilities: str = "What you would do"
    time: str = "Time"
    pay: str = "Pay and recognition"
    who_can_apply: str = "Who can apply"
    how_chosen: str = "How the choice is made"
    criteria_note: str = "Candidates are scored on these criteria, each from 1 to 4:"
    blank_posting: tuple[tuple[str, str, str], ...] = (
        ("role-title", "Role title", "The name colleagues use for the role."),
        ("summary", "What the role is for", "Two or three sentences on what changes for students."),
        ("responsibilities", "What you would do", "The four to eight main duties, each starting with a verb."),
        ("time", "Time", "Hours a week beyond teaching, any release from teaching, and the busy times of year."),
        ("pay", "Pay and recognition", "The stipend, hourly pay or release the contract sets, or say there is none."),
        ("who-can-apply", "Who can apply", "What a person needs before taking the role, and nothing more."),
        ("how-chosen", "How the choice is made", "Who decides, by when, on what evidence, and for how long."),
    )
    application: str = "Application questions"
    application_lead: str = (
        "Candidates answer in writing, in about a page. Give every candidate the same questions and the same deadline."
    )
    interview: str = "Interview questions"
    interview_lead: str = (
        "Ask every candidate these questions in this order. Each scorer notes what the candidate says, "
        "in their own words, beside the question."
    )
    listen_for: str = "Listen for"
    notes: str = "Notes"
    answer: str = "Answer"
    blank_question: str = "Question"
    blank_questions_guidance: str = (
        'Write one interview question for each of the role\'s most important duties ("How would you …?") '
        'and one for each skill the role needs ("Tell us about a time you led colleagues in …").'
    )
    blank_application_guidance: str = (
        "Ask why the candidate wants the role, for an example of their work in each skill the role "
        "needs, and how they would make room for the time it takes."
    )
    # Questions made from a role's data; {title}, {skill}, {duty} are filled in.
    why_question: str = "Why do you want to take on the role of {title} now, and what would you want teachers and students to gain from it in your first year?"
    skills_application_question: str = (
        "For each skill below, describe one piece of your own work that shows it: what you did, who was "
        "involved, and what changed as a result."
    )
    fit_question: str = (
        "This role suits someone who already works in the ways listed below. Choose two and give an "
        "example of each from this year or last."
    )
    eligibility_question: str = 'How do you meet each of the requirements under "Who can apply"?'
    time_question: str = (
        'Read how much time the role takes (under "Time" in the posting). How would you make room for it '
        "alongside your teaching, and which times of the year would be hardest?"
    )
    time_question_full_release: str = (
        "The role is full time, away from your own classroom. How would you stay close to teaching and to "
        "your colleagues' daily work?"
    )
    duty_question: str = (
        "How would you {duty}? Walk us through your first months, and say what you would need from the school."
    )
    skill_interview_question: str = (
        "{skill}: tell us about a time you led colleagues in this. What did you do, what happened, and "
        "what would you do differently?"
    )
    support_question: str = "What would you want from the principal in your first year in this role?"
    rubric: str = "Scoring rubric"
    rubric_lead: str = (
        "Each scorer fills in a copy alone, scoring each criterion from 1 to 4 and writing the evidence "
        "for the score: what the candidate wrote, said or has been seen doing."
    )
    scorer_fields: tuple[tuple[str, str], ...] = (("candidate", "Candidate"), ("scorer", "Scorer"), ("date", "Date"))
    points: tuple[str, ...] = ("Not yet shown", "Partly shown", "Clearly shown", "Strongly shown")
    skill_points: tuple[str, ...] = (
        "No example of {skill} from the candidate's own work, or only general statements about what should happen.",
        "One or two examples, mostly in the candidate's own classroom or with someone else leading; few of the signs listed.",
        "Specific examples covering several of the signs listed, including one where the candidate led colleagues, and what changed.",
        "Specific examples covering most of the signs, leading colleagues, with results for teachers or students and what the candidate learned.",
    )
    fit_title: str = "Already works this way"
    fit_about: str = "The signs, seen in daily work, that a teacher would fit this role."
    fit_points: tuple[str, ...] = (
        "None of the signs listed shows in the application, the interview or what colleagues say.",
        "A few of the signs, described by the candidate but not yet seen by others.",
        "Several of the signs, each with an example a colleague or supervisor could confirm.",
        "Most of the signs, confirmed by others, as part of how the candidate already works every day.",
    )
    blank_criterion: str = "Criterion"
    blank_criterion_about: str = (
        "Name the criterion (a skill the role needs, or a sign of fit) and list what to look for."
    )
    blank_points: tuple[str, ...] = (
        "No example from the candidate's own work, or only general statements.",
        "One or two examples, mostly in the candidate's own classroom or with someone else leading.",
        "Specific examples, including one where the candidate led colleagues, and what changed.",
        "Specific examples leading colleagues, with results for teachers or students.",
    )
    blank_criteria: int = 4
    look_for: str = "Look for"
    score: str = "Score"
    evidence: str = "Evidence"
    decision: str = "Comparing scores and deciding"
    decision_lead: str = (
        "After every scorer has scored alone, copy each scorer's scores here. Talk only about criteria "
        "where scores differ by more than one point, then record the agreed score."
    )
    decision_header: tuple[str, ...] = ("Criterion", "Scorer 1", "Scorer 2", "Scorer 3", "Agreed")
    total: str = "Total"
    check: str = "Who applied and who was chosen"
    check_prompt: str = "Compared with the faculty as a whole, who applied, and who was chosen? Anything to change before the next opening?"


SELECTION_KIT = SelectionWords()


# --- support plan -----------------------------------------------------------------------


@dataclass(frozen=True)
class SupportPlanWords:
    kicker: str = "Support plan"
    blank_title: str = "Support plan for a teacher leader"
    lead: str = (
        "The teacher leader and the principal fill this in together at the start of the year, "
        "then meet at mid-year and at the end of the year to look at the same evidence."
    )
    people_fields: tuple[tuple[str, str], ...] = (
        ("teacher-leader", "Teacher leader"),
        ("principal", "Principal"),
        ("school-year", "School year"),
        ("agreed-on", "Agreed on (date)"),
    )
    the_role: str = "The role this year"
    goals: str = "Goals for the year"
    goals_lead: str = (
        "Two or three goals, each tied to a responsibility of the role and to a result for teachers or "
        "students. Say how you will both know it has happened."
    )
    goal_header: tuple[str, ...] = ("Goal", "How we will know", "By when")
    goal_rows: int = 3
    support: str = "Support and time the principal commits"
    support_lead: str = (
        "Tick what the principal will do this year and write how and when. The moves come from the "
        "chart of principal moves for this role's skills."
    )
    blank_support_lead: str = (
        "Write what the principal will do this year for each skill the role needs, and how and when. "
        "The chart of principal moves offers ideas skill by skill."
    )
    role_support: str = "Training, time and coaching the role comes with"
    time: str = "Time for the role"
    protected_time: str = "Time the principal protects for the role, and when"
    how_and_when: str = "How and when"
    evidence: str = "Evidence we will both look at"
    evidence_lead: str = "Agree now what you will look at in the check-ins, so neither is surprised."
    reviewed_by: str = "How the role is reviewed"
    evidence_kinds: tuple[str, ...] = (
        "Records of the work itself: agendas, notes, plans, logs",
        "What colleagues say: a short survey or conversations",
        "Results for the students the work is meant to help",
        "The principal's own observation of the work",
    )
    evidence_other: str = "Other evidence, who gathers it, and when"
    midyear: str = "Mid-year check-in"
    year_end: str = "Year-end check-in"
    check_in_date: str = "Date"
    carried_out: str = "1. Responsibilities carried out"
    carried_out_lead: str = "For each responsibility: what was done, and what got in the way."
    competencies: str = "2. Competencies shown"
    competencies_lead: str = "For each skill: where the teacher leader showed it, and what to work on next."
    results: str = "3. Results for teachers and students"
    for_teachers: str = "For teachers"
    for_students: str = "For students"
    midyear_next: str = "What we change for the rest of the year"
    year_end_next: str = "Next year: continue, change, or hand the role on"
    blank_rows: int = 5
    blank_skills: int = 3
    skill_label: str = "Skill"
    responsibility: str = "Responsibility"
    signatures: str = "Agreed by"
    signers: tuple[tuple[str, str], ...] = (("teacher-leader", "Teacher leader"), ("principal", "Principal"))
    signature: str = "Signature"
    date: str = "Date"


SUPPORT_PLAN = SupportPlanWords()
