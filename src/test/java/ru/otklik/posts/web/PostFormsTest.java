package ru.otklik.posts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.otklik.posts.Routing;
import ru.otklik.posts.web.PostForms.AnswerForm;
import ru.otklik.posts.web.PostForms.CurDecisionForm;
import ru.otklik.posts.web.PostForms.DraftForm;
import ru.otklik.posts.web.PostForms.RouteForm;

/** The post page's forms say what is wrong in the page's own words (bundle keys), without Spring. */
class PostFormsTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aRoutingIsReadAsDepartmentColonExecutorAndAnythingElseIsRefused() throws ParseException {
        RoutingFormatter formatter = new RoutingFormatter();
        assertThat(formatter.parse(" 3 : 17 ", Locale.ROOT)).isEqualTo(new Routing(3, 17));
        assertThat(formatter.print(new Routing(3, 17), Locale.ROOT)).isEqualTo("3:17");
        for (String bad : List.of("3", "3:", ":17", "a:b", "3:17:1", "99999999999999999999:1")) {
            assertThatThrownBy(() -> formatter.parse(bad, Locale.ROOT)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void routingNamesAtLeastOneDepartmentAndEachOnlyOnce() {
        assertThat(problems(new RouteForm(1L, Arrays.asList(null, null), null))).containsExactly("posts.route.none");
        assertThat(problems(new RouteForm(1L, List.of(new Routing(1, 2), new Routing(1, 3)), true)))
                .containsExactly("posts.route.twice");
        assertThat(problems(new RouteForm(1L, Arrays.asList(new Routing(1, 2), null, new Routing(2, 3)), null)))
                .isEmpty();
    }

    @Test
    void aDraftNeedsTextWithinTheLimitCountingALineBreakAsOneCharacter() {
        String limit = "я\r\n".repeat(9_999) + "яя"; // 29,999 characters as sent, 20,000 as kept
        assertThat(problems(new DraftForm(1L, limit, null, null, "save"))).isEmpty();
        assertThat(problems(new DraftForm(1L, limit + "я", null, null, "save")))
                .containsExactly("posts.draft.text.size");
        assertThat(problems(new DraftForm(1L, "  ", null, null, "save"))).containsExactly("posts.draft.text.required");
        assertThat(problems(new DraftForm(null, "Текст", null, null, "save"))).containsExactly(PostForms.OUTDATED);
    }

    @Test
    void curReturnsWithACommentAndDecidesOneOfTwoWays() {
        assertThat(problems(new CurDecisionForm(1L, "APPROVED", null))).isEmpty();
        assertThat(problems(new CurDecisionForm(1L, "RETURNED", " "))).containsExactly("posts.cur.comment.required");
        assertThat(problems(new CurDecisionForm(1L, "MAYBE", null))).containsExactly("posts.cur.decision.required");
        assertThat(problems(new CurDecisionForm(1L, "APPROVED", "ю".repeat(2001))))
                .containsExactly("posts.comment.size");
    }

    @Test
    void aPostedAnswerLinksOverHttpOnly() {
        assertThat(problems(new AnswerForm(1L, "https://vk.com/wall-1_1", null)))
                .isEmpty();
        assertThat(problems(new AnswerForm(1L, "javascript:alert(1)", null)))
                .containsExactly("posts.answer.url.invalid");
    }

    private static Set<String> problems(Object form) {
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        return violations.stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }
}
