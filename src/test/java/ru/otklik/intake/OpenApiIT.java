package ru.otklik.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The API is described at /v3/api-docs for ЦУР (token) and admins; Swagger UI is for admins.
 */
@IntegrationTest
class OpenApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theDescriptionCoversTheMessagesAndCalendarApi() throws Exception {
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer demo-cur-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/messages'].post.responses['201']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/messages'].post.responses['409']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/calendar/deadline'].get").exists())
                .andExpect(jsonPath("$.components.schemas.Message.required", hasItem("detectedAt")))
                .andExpect(jsonPath("$.components.schemas.Message.properties.text.type")
                        .value("string"))
                .andExpect(jsonPath("$.components.schemas.Message.properties.unknown")
                        .doesNotExist())
                .andExpect(
                        jsonPath("$.components.securitySchemes.curToken.scheme").value("bearer"));
    }

    @Test
    void theDescriptionCoversWhatCurNeedsToPlayItsPart() throws Exception {
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer demo-cur-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/messages'].get.parameters[*].name", hasItem("status")))
                .andExpect(jsonPath("$.paths['/api/v1/messages'].get.parameters[*].name", hasItem("changedSince")))
                .andExpect(jsonPath("$.paths['/api/v1/messages'].get.parameters[*].name", hasItem("cursor")))
                .andExpect(jsonPath("$.paths['/api/v1/messages'].get.parameters[*].name", hasItem("limit")))
                .andExpect(jsonPath("$.paths['/api/v1/messages'].get.responses['400']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.MessagePage.properties.cursor")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.MessageDetails.properties.draft")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.MessageDetails.properties.reason")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.MessageDetails.properties.answers")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.MessageDetails.properties.deadlines")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.DraftAtCur.properties.version")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.PostedAnswer.properties.kind.enum", hasItem("INTERMEDIATE")))
                .andExpect(jsonPath("$.components.schemas.CurDecision.properties.version")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.CurDecision.properties.draftId")
                        .exists())
                .andExpect(jsonPath("$.info.description", containsString("X-Otklik-Signature")));
    }

    @Test
    void theDescriptionIsTitledForЦУРsDevelopersAndListsOnlyRealVerbs() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer demo-cur-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Отклик — API для ЦУР"))
                .andExpect(jsonPath("$.info.version").value("1"))
                .andExpect(jsonPath("$.info.description", containsString("Authorization: Bearer")))
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/cur-decision'].post")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.CurDecision.properties.decision.enum", hasItem("RETURNED")))
                .andExpect(jsonPath("$.components.schemas.CurDecision.properties.unknown")
                        .doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/cur-decision'].get")
                        .doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/cur-decision'].delete")
                        .doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/cur-decision'].put")
                        .doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/attachments'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}/attachments'].get")
                        .doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("SPEC").doesNotContain("§");
    }

    @Test
    void adminsSeeSwaggerUiOthersDoNot() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(get("/v3/api-docs").cookie(admin)).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("'unsafe-inline'")));
        mvc.perform(get("/swagger-ui/index.html").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        // the relaxed policy is for Swagger UI only
        mvc.perform(get("/import").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
    }
}
