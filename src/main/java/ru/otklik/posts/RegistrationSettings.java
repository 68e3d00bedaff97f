package ru.otklik.posts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Ministry's registration numbers of posts, {@code otklik.registration.*}.
 *
 * @param prefix the letters before the year of every new registration number ({@code СОЦ} gives СОЦ-2026/0123); a
 *        changed prefix applies to posts registered from then on, earlier numbers keep theirs
 */
@ConfigurationProperties("otklik.registration")
public record RegistrationSettings(@DefaultValue("СОЦ") String prefix) {

    /** The longest prefix: the number, with the year and the sequence, fits the post's column. */
    public static final int PREFIX_MAX = 20;

    public RegistrationSettings {
        if (prefix == null || prefix.isBlank() || prefix.strip().length() > PREFIX_MAX) {
            throw new IllegalArgumentException("otklik.registration.prefix: от 1 до " + PREFIX_MAX
                    + " символов (например, СОЦ), задано «" + prefix + "»");
        }
        prefix = prefix.strip();
    }
}
