"""The one source of every sentence and figure a user reads.

explain() turns a determination's codes, figures and the law's statements into sentences:
headlines, reasons with citations, the federal, state and basis worksheets, what would change,
next steps, records to keep and the pictures' text. present() adds the table of answers given,
the check code (record.py), the rules version and the day, into one Presentation that the result
page, the PDF and the API render. Imports rules, interview.questions and interview.formatting;
never api, pdf, platform or views.
"""
