"""Service to citizens: dossier timeliness (the portal's rules), QĐ 766/QĐ-TTg service measures
(scalar reference) and the columnar path for bulk analytics.
"""
