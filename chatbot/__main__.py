"""`python -m chatbot` is the `trialbot` command."""

import sys

from .cli import main

sys.exit(main())
