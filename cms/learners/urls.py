"""Learner accounts under /<lang>/konto/ (included in wegweiser/urls.py's i18n_patterns).

allauth's views under German paths, with allauth's URL names (its flows reverse them), and
our own: profile, data download, deletion, organisation memberships. allauth's e-mail
management, re-authentication and login-by-code pages are not offered: an account has one
address, the one it signed up with.
"""

from allauth.account import views as allauth
from django.urls import path, re_path

from . import memberships, views

urlpatterns = [
    path("anmelden/", allauth.login, name="account_login"),
    path("abmelden/", allauth.logout, name="account_logout"),
    path("registrieren/", allauth.signup, name="account_signup"),
    path("gesperrt/", allauth.account_inactive, name="account_inactive"),
    path("bestaetigen/", allauth.email_verification_sent,
         name="account_email_verification_sent"),
    re_path(r"^bestaetigen/(?P<key>[-:\w]+)/$", allauth.confirm_email,
            name="account_confirm_email"),
    # Signed-in only; our login page (Django's decorator inside would send to LOGIN_URL,
    # which is the admin's).
    path("passwort/aendern/", views.signed_in(allauth.password_change),
         name="account_change_password"),
    path("passwort/vergessen/", allauth.password_reset, name="account_reset_password"),
    path("passwort/vergessen/gesendet/", allauth.password_reset_done,
         name="account_reset_password_done"),
    re_path(r"^passwort/neu/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
            allauth.password_reset_from_key, name="account_reset_password_from_key"),
    path("passwort/neu/fertig/", allauth.password_reset_from_key_done,
         name="account_reset_password_from_key_done"),
    path("profil/", views.profile, name="account_profile"),
    path("profil/adresse/", views.email_overview, name="account_email"),
    path("profil/daten/", views.export_data, name="account_export"),
    path("profil/loeschen/", views.delete_account, name="account_delete"),
    path("einladung/<str:token>/", memberships.invitation, name="membership_invitation"),
    path("organisationen/<int:membership_id>/", memberships.my_membership,
         name="membership_detail"),
    path("organisationen/<int:organisation_id>/mitglieder/", memberships.members,
         name="membership_members"),
]
