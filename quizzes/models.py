"""Paper templates, attempts and results: not written yet (see DESIGN.md, "Quizzes")."""
