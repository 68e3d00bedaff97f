package ru.otklik.people.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ru.otklik.people.Role;
import ru.otklik.people.internal.User;

/**
 * The admin's form for a person: on creation the password is required, on edit it is not shown (and after a refused
 * form it is typed again: a password is never sent back to the browser). An executor's department is chosen here too.
 */
public record UserForm(
        @NotBlank(message = "{people.login.required}")
        @Pattern(regexp = "^[a-z0-9._-]{2,64}$", message = "{people.login.format}")
        String login,

        @NotBlank(message = "{people.fullName.required}") @Size(max = 200, message = "{people.fullName.size}")
        String fullName,

        @Email(message = "{people.email.format}") @Size(max = 200, message = "{people.email.format}")
        String email,

        @NotEmpty(message = "{people.roles.required}") Set<Role> roles,
        String password,
        Boolean enabled,
        Boolean coordinator,
        Long departmentId,
        Long version) {

    /** A blank choice binds as null: it is no role. */
    public UserForm {
        roles = roles == null
                ? null
                : roles.stream()
                        .filter(Objects::nonNull)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static UserForm empty() {
        return new UserForm("", "", "", EnumSet.noneOf(Role.class), "", true, false, null, 0L);
    }

    /** The form for a person as stored; {@code departmentId} is the department they are an executor of, if any. */
    static UserForm of(User user, Long departmentId) {
        return new UserForm(
                user.getLogin(),
                user.getFullName(),
                user.getEmail(),
                user.getRoles(),
                "",
                user.isEnabled(),
                user.isCoordinator(),
                departmentId,
                user.getVersion());
    }

    /** An unticked checkbox sends nothing: absent means no. */
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    public boolean isCoordinator() {
        return Boolean.TRUE.equals(coordinator);
    }

    /** The version the form was opened on; a form without one can only be stale. */
    public long openedVersion() {
        return version == null ? -1 : version;
    }

    public Set<Role> roleSet() {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
