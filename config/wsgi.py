import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Every app process deletes expired answers by itself, traffic or not (interview/platform/sweeper.py).
from interview.platform import sweeper  # noqa: E402 - the apps must be loaded first

sweeper.start()
