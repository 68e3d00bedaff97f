package ru.otklik.web;

import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;

/**
 * With SMTP configured and the mail server down, the instance is still alive and ready: the probes a load balancer or
 * an orchestrator reads depend on the database only, and the overall health is not DOWN because of mail.
 */
@IntegrationTest
@DirtiesContext
class MailDownHealthIT {

    @DynamicPropertySource
    static void mailServerDown(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        // this context shares the database: its outbox must not touch the other tests' messages
        registry.add("otklik.mail.outbox-delay-ms", () -> "3600000");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void livenessAndReadinessStayUpWhileTheMailServerIsDown() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void theOverallHealthIsNotDownBecauseOfMail() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(not("DOWN")));
    }
}
