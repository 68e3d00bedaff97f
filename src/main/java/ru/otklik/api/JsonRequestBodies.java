package ru.otklik.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The one gate for the request bodies of the {@link JsonApi}: the body must be JSON in UTF-8 (415 otherwise) and no
 * longer than the handler's {@link BodyLimit} (413 otherwise, decided from {@code Content-Length} when it is given,
 * else while reading, so a chunked body is never read past the limit). Spring has already refused types that no
 * JSON converter reads; this also refuses other charsets and the {@code +json} types, as the API documents.
 */
@ControllerAdvice(annotations = JsonApi.class)
class JsonRequestBodies extends RequestBodyAdviceAdapter {

    /** The body is longer than the handler's limit. */
    static final class TooLarge extends RuntimeException {

        final int limit;

        TooLarge(int limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }

    /** The body is not declared as JSON in UTF-8. */
    static final class NotJson extends RuntimeException {

        NotJson() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        requireJson(message.getHeaders());
        int limit = limit(parameter);
        if (message.getHeaders().getContentLength() > limit) {
            throw new TooLarge(limit);
        }
        byte[] body = message.getBody().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new TooLarge(limit);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    @Override
    public Object handleEmptyBody(
            Object body,
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        requireJson(message.getHeaders());
        return body;
    }

    private static int limit(MethodParameter parameter) {
        BodyLimit limit = parameter.getMethodAnnotation(BodyLimit.class);
        return limit == null ? BodyLimit.DEFAULT_BYTES : limit.bytes();
    }

    private static void requireJson(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        if (type == null
                || !type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.isWildcardType()
                || type.isWildcardSubtype()
                || !utf8(type)) {
            throw new NotJson();
        }
    }

    private static boolean utf8(MediaType type) {
        try {
            Charset charset = type.getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return false; // a charset Java does not know
        }
    }
}
