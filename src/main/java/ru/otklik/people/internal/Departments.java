package ru.otklik.people.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * All structural departments.
 */
public interface Departments extends JpaRepository<Department, Long> {

    @Query("select d from Department d order by d.name")
    List<Department> findAllByName();

    @Query("select d from Department d where lower(d.name) = lower(?1)")
    List<Department> findByNameIgnoreCase(String name);

    /** The ids of the departments a person curates (as deputy minister) or heads, without loading the departments. */
    @Query(
            "select d.id, case when d.curator.id = ?1 then true else false end, case when d.head.id = ?1 then true else false end"
                    + " from Department d where d.curator.id = ?1 or d.head.id = ?1")
    List<Object[]> findRolesOf(long userId);
}
