package ru.otklik.people;

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
}
