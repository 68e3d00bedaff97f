package ru.otklik.deadlines;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.deadlines.internal.Sweep;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;

/**
 * What every deadlines test needs: the shared application, its clock and sweep, and fixtures for posts and clocks.
 */
@IntegrationTest
abstract class DeadlineIT {

    @Autowired
    PostManagement posts;

    @Autowired
    Posts postRepository;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    DeadlineFixtures fx;

    @BeforeEach
    void createFixtures() {
        fx = new DeadlineFixtures(posts, postRepository, users, departments, jdbc);
    }
}
