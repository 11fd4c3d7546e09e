"""The value model: administrative units, reporting periods, documents, procedures, dossiers,
plans and tasks, exact ratios and reform areas. Frozen attrs classes, validated on construction;
this layer imports nothing from the layers above it.
"""
