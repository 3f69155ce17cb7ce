"""The workspace a command works in: the plugin registry with the user's cohort files, the stage
model, the questionnaires, and the one function that loads an assessment with its questionnaire."""
