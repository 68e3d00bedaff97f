package ru.otklik.posts.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * All posts.
 */
public interface Posts extends JpaRepository<Post, Long> {

    Optional<Post> findByExternalId(String externalId);

    boolean existsByExternalId(String externalId);
}
