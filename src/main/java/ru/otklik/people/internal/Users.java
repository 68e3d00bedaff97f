package ru.otklik.people.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import ru.otklik.people.Role;

/**
 * All people who can log in.
 */
public interface Users extends JpaRepository<User, Long> {

    @Query("select u from User u where lower(u.login) = lower(?1)")
    Optional<User> findByLogin(String login);

    @Query("select u from User u order by u.fullName")
    List<User> findAllByName();

    /** Every person's id and full name, without loading the people. */
    @Query("select u.id, u.fullName from User u")
    List<Object[]> findAllFullNames();

    @Query("select u from User u join u.roles r where r = ?1 and u.enabled order by u.fullName")
    List<User> findEnabledWithRole(Role role);

    Optional<User> findByCoordinatorTrue();

    @Query("select count(u) > 0 from User u join u.roles r where r = ru.otklik.people.Role.ADMIN and u.enabled")
    boolean anyEnabledAdmin();
}
