package ru.otklik.people.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Set;
import ru.otklik.people.Role;

/**
 * A person (сотрудник) who logs in to Otklik.
 */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String login;

    @Column(name = "full_name")
    private String fullName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    /** The deputy minister who curates the organisational department (п.3). */
    private boolean coordinator;

    /** The password was set by the admin: its owner must choose their own at the next login. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    /** Created from the directory (LDAP / Active Directory): no local password; roles follow directory groups. */
    @Column(name = "from_directory")
    private boolean fromDirectory;

    /** Authorised by the org head to route posts and post answers (Приказ п.2.2); matters for org specialists. */
    @Column(name = "org_authorised")
    private boolean orgAuthorised = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected User() {}

    public User(String login, String fullName, String email, String passwordHash, Set<Role> roles) {
        this.login = login;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isFromDirectory() {
        return fromDirectory;
    }

    public boolean isCoordinator() {
        return coordinator;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public long getVersion() {
        return version;
    }

    public void update(String fullName, String email, Set<Role> roles, boolean enabled, boolean coordinator) {
        this.fullName = fullName;
        this.email = email;
        this.roles.clear();
        this.roles.addAll(roles);
        this.enabled = enabled;
        this.coordinator = coordinator;
    }

    /** A person known from the directory, without a local password. */
    static User fromDirectory(String login, String fullName, String email, Set<Role> roles) {
        User user = new User(login, fullName, email, null, roles);
        user.fromDirectory = true;
        return user;
    }

    /** The directory's view of this person at their latest login: name, e-mail and the roles of their groups. */
    void updateFromDirectory(String fullName, String email, Set<Role> roles) {
        this.fullName = fullName;
        this.email = email;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** A new password; {@code temporary} when the admin chose it, so that its owner replaces it at once. */
    public void changePassword(String passwordHash, boolean temporary) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporary;
    }

    public boolean isOrgAuthorised() {
        return orgAuthorised;
    }

    /** The org head gives or withdraws the authority to route posts and post answers (Приказ п.2.2). */
    public void authoriseForOrgWork(boolean authorised) {
        this.orgAuthorised = authorised;
    }

    public void makeCoordinator(boolean coordinator) {
        this.coordinator = coordinator;
    }
}
