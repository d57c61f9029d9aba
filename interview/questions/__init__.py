"""The questions: the wizard, one form per step, when each step is asked, the basis and year
tables, and reading the stored answers back into `rules.Answers`.

Holds the interview's own fields (money as people type it), the step conditions, the page asked
for each figure of the basis worksheet, the preparer's form and the table of answers given (the
"Check your answers" page and the result share it), and a refused answer kept for the GET that
shows it again (refused.py). Imports rules and interview.formatting; the
wizard alone also uses interview.platform.journeys, where each journey's answers are kept. Never
explanation, api, pdf or views.
"""
