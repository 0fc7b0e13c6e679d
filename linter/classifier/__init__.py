"""templint's trained text classifier: promotional score and predicted category.

``features`` and ``scorer`` are all that ``templint lint`` needs (plain Python, no numpy or
scikit-learn); ``train`` and ``evaluate`` import scikit-learn and are used only by the
``templint train`` and ``templint evaluate`` commands.
"""
