package ru.otklik.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.otklik.people.CurrentUser;

/**
 * The live stream of an open page (Server-Sent Events, issue 17 point 2): the person's hand-offs as toasts, their
 * menu counts and the clocks that changed. The browser reconnects by itself and says the last notification it saw
 * ({@code Last-Event-ID}); a page opened anew says where its rendering stopped ({@code since}).
 */
@Controller
class LiveController {

    private final LiveStreams streams;

    LiveController(LiveStreams streams) {
        this.streams = streams;
    }

    /**
     * @param lastEventId the id of the last notification the page got, sent by the browser when it reconnects
     * @param since       the newest notification when the page was rendered (or got, when the page opens a new
     *                    stream after the old one failed)
     * @param resumed     the page had a stream before: its counts and clocks may be stale
     */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(
            @AuthenticationPrincipal CurrentUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "since", required = false) Long since,
            @RequestParam(name = "resumed", defaultValue = "false") boolean resumed,
            HttpServletResponse response) {
        // nginx and proxies like it pass the events on as they come instead of buffering them
        response.setHeader("X-Accel-Buffering", "no");
        Long catchUpFrom = lastEventId != null ? lastEventId : since;
        return streams.open(user.id(), user.roles(), catchUpFrom, resumed || lastEventId != null);
    }
}
