"""What every request stands on: journeys and sessions (the database's and the shared store's),
the rate limit, trusted proxies, middleware, logging, the sweeper of expired answers, the PDF
copy kept in the store, and the site's error and "briefly unavailable" pages.

Used by the views, the middleware and settings; it imports none of questions, explanation, api,
pdf or views (interview.models and Django only), so the way answers are kept can change without
touching a question or a sentence.
"""
