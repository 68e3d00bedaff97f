package ru.otklik.people.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The subjects (направления деятельности) of the departments.
 */
public interface DepartmentSubjects extends JpaRepository<DepartmentSubject, Long> {

    @Query("select s from DepartmentSubject s where s.departmentId = ?1 order by lower(s.name), s.id")
    List<DepartmentSubject> findByDepartment(long departmentId);

    @Query("select s from DepartmentSubject s where s.departmentId = ?1 and lower(s.name) = lower(?2)")
    List<DepartmentSubject> findByDepartmentAndName(long departmentId, String name);
}
