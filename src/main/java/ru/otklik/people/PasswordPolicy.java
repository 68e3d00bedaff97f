package ru.otklik.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The rule for every new password, whoever sets it (OWASP ASVS 5.0, V6.2): at least {@value #MIN_LENGTH} characters,
 * at most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further, so a longer password would be silently cut),
 * not one of the most common passwords shipped in {@value #COMMON_PASSWORDS}, not the login itself. No composition
 * rules: any letters, digits, spaces and signs, in any mix. Passwords set before this rule still log in.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "people/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Reports into {@code errors} on {@code field} why the password may not be used; nothing when it may. */
    public void check(String password, String login, String field, Errors errors) {
        String problem = problem(password, login);
        if (problem != null) {
            errors.rejectValue(field, problem, new Object[] {MIN_LENGTH, MAX_BYTES}, null);
        }
    }

    /** The message code of what is wrong with the password, or {@code null} when it may be used. */
    public String problem(String password, String login) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "people.password.short";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "people.password.long";
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (login != null && lower.contains(Logins.fold(login)) && login.length() >= 3)) {
            return "people.password.common";
        }
        return null;
    }

    boolean isCommon(String password) {
        return common.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    int commonCount() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Нет списка распространённых паролей " + COMMON_PASSWORDS, ex);
        }
        return Set.copyOf(words);
    }
}
