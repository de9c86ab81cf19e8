"""trialbot: a kind, honest pre-screening chatbot for clinical trial NCT05507697."""
