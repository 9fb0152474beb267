from tests.questionnaire.conftest import saver  # noqa: F401  (the wizard driver)
