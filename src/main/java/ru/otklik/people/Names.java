package ru.otklik.people;

/**
 * Short forms of Russian full names («Фамилия Имя Отчество»), as documents write them.
 */
public final class Names {

    private Names() {}

    /**
     * «за Иванова И.И.»: the name after «за» (accusative case), with initials — how a substitute's action is signed
     * (п.3, Приказ п.5). Common surname endings are declined (‑ов/‑ев/‑ин → ‑ова/‑ева/‑ина, ‑ова/‑ева/‑ина → ‑ову/‑еву/‑ину,
     * ‑ский/‑ская → ‑ского/‑скую, a man's surname on a consonant → +а, but not ‑их/‑ых); any other is left as written.
     */
    public static String onBehalfOf(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "за —";
        }
        String[] parts = fullName.strip().split("\\s+");
        String surname = parts[0];
        boolean woman = parts.length >= 3
                && (parts[2].endsWith("вна") || parts[2].endsWith("чна") || parts[2].endsWith("кызы"));
        boolean man =
                parts.length >= 3 && (parts[2].endsWith("вич") || parts[2].endsWith("ич") || parts[2].endsWith("оглы"));
        StringBuilder initials = new StringBuilder();
        for (int i = 1; i < parts.length && i < 3; i++) {
            initials.append(Character.toUpperCase(parts[i].charAt(0))).append('.');
        }
        String declined = surname;
        if (woman) {
            if (surname.endsWith("ская") || surname.endsWith("цкая")) {
                declined = surname.substring(0, surname.length() - 2) + "ую";
            } else if (surname.matches(".*(ова|ева|ёва|ина|ына)")) {
                declined = surname.substring(0, surname.length() - 1) + "у";
            }
        } else if (man) {
            if (surname.endsWith("ский") || surname.endsWith("цкий")) {
                declined = surname.substring(0, surname.length() - 2) + "ого";
            } else if (surname.matches(".*[бвгдзклмнпрстфхцчшщ]") && !surname.matches(".*(их|ых)")) {
                declined = surname + "а";
            }
        }
        return ("за " + declined + " " + initials).strip();
    }
}
