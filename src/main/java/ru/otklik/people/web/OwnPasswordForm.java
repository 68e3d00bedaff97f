package ru.otklik.people.web;

/**
 * A person's form to change their own password: the current one, the new one and the new one again.
 */
record OwnPasswordForm(String currentPassword, String newPassword, String repeatPassword) {

    static OwnPasswordForm empty() {
        return new OwnPasswordForm("", "", "");
    }
}
