package io.hallwatch.web.api.page;

import io.hallwatch.web.domain.signin.Screen;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML answers of the web module: a screen's page (from {@code screens/} on the class path,
 * not under {@code META-INF/resources}, so it is only served after the access check), and the plain
 * pages for what stops a person (sign in, wrong role, wrong branch, bad address). Every page says
 * it in Chinese first, then English, and never shows JSON or a stack.
 */
public final class Pages {
    public static final MediaType HTML = MediaType.valueOf("text/html; charset=UTF-8");
    /** Scripts, styles, sounds and fonts come from this origin only; no inline script. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final Map<String, String> FILES = new ConcurrentHashMap<>();

    private Pages() {
    }

    public static Response screen(String file) {
        String html = FILES.computeIfAbsent(file, Pages::load);
        return page(Response.ok(html));
    }

    public static Response page(Response.ResponseBuilder builder) {
        return builder.type(HTML).header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
    }

    public static Response signIn(String next) {
        return Response.seeOther(URI.create("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    public static Response refused(Screen screen, Screen.Access why) {
        String zh = why == Screen.Access.WRONG_ROLE
                ? "此账号不能打开" + screen.nameZh() + "。请用有权限的账号登录。"
                : "此账号不能打开这个营业厅的" + screen.nameZh() + "。";
        String en = why == Screen.Access.WRONG_ROLE
                ? "This sign-in cannot open the " + screen.nameEn().toLowerCase() + ". Sign in with a role that may."
                : "This sign-in cannot open the " + screen.nameEn().toLowerCase() + " of this branch.";
        return message(403, "refused", "无权访问 / Not allowed", zh, en, true);
    }

    public static Response badAddress() {
        return message(400, "bad-address", "地址有误 / Wrong address",
                "网址中的营业厅或窗口编号有误，请检查后重试。", "The branch or counter in the address is not valid.", false);
    }

    /** A plain page that stops a person, with a way back. */
    public static Response message(int status, String kind, String title, String zh, String en, boolean offerSignIn) {
        String html = """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/assets/hallwatch.css"></head>
                <body class="plain"><main class="notice" data-notice="%s">
                <h1>%s</h1><p class="zh">%s</p><p class="en" lang="en">%s</p>
                %s
                <p><a href="/">返回首页 / Start page</a></p>
                </main></body></html>
                """.formatted(esc(title), esc(kind), esc(title), esc(zh), esc(en), offerSignIn
                ? "<form method=\"post\" action=\"/signout\"><button type=\"submit\" class=\"btn\">换个账号登录 / Sign in as someone else</button></form>"
                : "");
        return page(Response.status(status).entity(html));
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String load(String file) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("screens/" + file)) {
            if (in == null) {
                throw new IllegalStateException("screens/" + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
