package ru.otklik.posts.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The departments' answer templates.
 */
public interface AnswerTemplates extends JpaRepository<AnswerTemplate, Long> {

    @Query("select t from AnswerTemplate t where t.departmentId in ?1 order by t.title, t.id")
    List<AnswerTemplate> findByDepartments(Collection<Long> departmentIds);
}
