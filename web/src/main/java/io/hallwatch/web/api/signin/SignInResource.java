package io.hallwatch.web.api.signin;

import io.hallwatch.web.api.page.Pages;
import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.signin.Roles;
import io.hallwatch.web.domain.signin.Screen;
import io.hallwatch.web.domain.signin.SignInForm;
import io.hallwatch.web.domain.signin.Viewer;
import io.hallwatch.web.service.signin.DevTokens;
import io.hallwatch.web.service.signin.TokenReader;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-in, sign-out and the start page. The development sign-in mints a token for the chosen role
 * and branches (only with {@code hallwatch.web.dev-sign-in.enabled}); the token lives in an HttpOnly,
 * SameSite=Strict cookie that page scripts cannot read.
 */
@Path("/")
@PermitAll
public class SignInResource {
    private static final Pattern SCREEN_NAME = Pattern.compile("kiosk|display|counter|duty|report");
    private final DevTokens devTokens;
    private final TokenReader tokens;
    private final WebConfig config;

    SignInResource(DevTokens devTokens, TokenReader tokens, WebConfig config) {
        this.devTokens = devTokens;
        this.tokens = tokens;
        this.config = config;
    }

    @GET
    @Path("signin")
    @Produces("text/html")
    public Response form(@QueryParam("next") String next) {
        return signInPage(200, SignInForm.safeNext(next), null);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html")
    public Response signIn(@FormParam("subject") String subject, @FormParam("role") String role,
                           @FormParam("branches") String branches, @FormParam("next") String next) {
        if (!devTokens.enabled()) {
            return signInPage(404, "/", null);
        }
        SignInForm.Result result = SignInForm.parse(subject, role, branches);
        if (result.form().isEmpty()) {
            return signInPage(400, SignInForm.safeNext(next), result.refusal());
        }
        SignInForm form = result.form().get();
        String target = SignInForm.safeNext(next);
        if (target.equals("/")) {
            target = firstScreen(form.role(), form.branches().get(0));
        }
        return Response.seeOther(URI.create(target)).cookie(cookie(devTokens.mint(form), devTokens.lifetimeSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("signout")
    public Response signOut() {
        return Response.seeOther(URI.create("/signin")).cookie(cookie("", 0)).build();
    }

    /** The start page: the screens this sign-in may open. */
    @GET
    @Produces("text/html")
    public Response start(@Context HttpHeaders headers) {
        Optional<Viewer> viewer = tokens.viewer(headers);
        if (viewer.isEmpty()) {
            return Pages.signIn("/");
        }
        Viewer v = viewer.get();
        String branch = v.firstBranch() == null ? "GZ-TH-001" : v.firstBranch();
        StringBuilder links = new StringBuilder();
        if (Screen.BOARD.access(v, null) == Screen.Access.ALLOWED) {
            links.append("<li><a class=\"btn\" href=\"/board\">").append(Pages.esc(Screen.BOARD.nameZh()))
                    .append(" <span lang=\"en\">").append(Pages.esc(Screen.BOARD.nameEn())).append("</span></a></li>");
        }
        for (String b : v.branches().contains(Viewer.EVERY_BRANCH) ? java.util.List.of(branch) : v.branches()) {
            for (Screen s : Screen.values()) {
                if (s.access(v, b) == Screen.Access.ALLOWED && s != Screen.COUNTER && s != Screen.BOARD) {
                    String href = "/" + s.name().toLowerCase() + "/" + b;
                    links.append("<li><a class=\"btn\" href=\"").append(Pages.esc(href)).append("\">").append(Pages.esc(s.nameZh()))
                            .append(" · ").append(Pages.esc(b)).append(" <span lang=\"en\">").append(Pages.esc(s.nameEn())).append("</span></a></li>");
                }
            }
        }
        String html = """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Hallwatch</title><link rel="stylesheet" href="/assets/hallwatch.css"></head>
                <body class="plain"><main class="notice"><h1>Hallwatch</h1>
                <p>已登录：%s（%s）/ Signed in as %s (%s)</p><ul class="screens">%s</ul>
                <form method="get" action="/go" class="go"><label>屏幕 / Screen <select name="screen"><option value="kiosk">取号机 Kiosk</option>
                <option value="display">叫号大屏 Hall display</option><option value="duty">值班经理台 Duty console</option>
                <option value="report">营业厅日报 Day report</option></select></label>
                <label>营业厅 / Branch <input name="branch" value="%s" required pattern="[A-Za-z0-9][A-Za-z0-9_-]{0,39}"></label>
                <button class="btn" type="submit">打开 / Open</button></form>
                <form method="post" action="/signout"><button class="btn" type="submit">退出 / Sign out</button></form></main></body></html>
                """.formatted(Pages.esc(v.subject()), Pages.esc(String.join(",", v.roles())), Pages.esc(v.subject()),
                Pages.esc(String.join(",", v.roles())), links, Pages.esc(branch));
        return Pages.page(Response.ok(html));
    }

    /** The start page's "open a screen" form. */
    @GET
    @Path("go")
    public Response go(@QueryParam("screen") String screen, @QueryParam("branch") String branch) {
        if (screen == null || branch == null || !SCREEN_NAME.matcher(screen).matches() || !SignInForm.BRANCH.matcher(branch).matches()) {
            return Pages.badAddress();
        }
        return Response.seeOther(URI.create("/" + screen + "/" + branch)).build();
    }

    private String firstScreen(String role, String branch) {
        if (role.equals(Roles.MANAGER)) {
            return "/board";
        }
        if (branch.equals(Viewer.EVERY_BRANCH)) {
            return "/";
        }
        return switch (role) {
            case Roles.KIOSK -> "/kiosk/" + branch;
            case Roles.DUTY_MANAGER -> "/duty/" + branch;
            case Roles.CLERK -> "/display/" + branch;
            default -> "/";
        };
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(config.cookie().name()).value(value).path("/").httpOnly(true)
                .secure(config.cookie().secure()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private Response signInPage(int status, String next, String refusal) {
        String body;
        if (!devTokens.enabled()) {
            body = """
                    <p>请通过单位的统一身份认证登录。</p><p lang="en">Sign in through the operator's identity provider
                    (OpenID Connect). The development sign-in is off here.</p>""";
        } else {
            StringBuilder roles = new StringBuilder();
            for (String r : Roles.PEOPLE) {
                roles.append("<option value=\"").append(r).append("\">").append(Pages.esc(Roles.label(r))).append("</option>");
            }
            body = """
                    %s
                    <form method="post" action="/signin" class="signin">
                    <input type="hidden" name="next" value="%s">
                    <label>角色 / Role <select name="role" id="role">%s</select></label>
                    <label>营业厅 / Branches <input name="branches" id="branches" value="GZ-TH-001" required></label>
                    <label>工号（可不填）/ Staff or device id (optional) <input name="subject" id="subject"></label>
                    <button type="submit" class="btn primary" id="signin">登录 / Sign in</button>
                    </form>
                    <p class="hint">开发环境登录：令牌由本机密钥签发。/ Development sign-in: the token is signed with this platform's key.</p>
                    """.formatted(refusal == null ? "" : "<p class=\"error\" role=\"alert\">" + Pages.esc(refusal) + "</p>",
                    Pages.esc(next), roles);
        }
        String html = """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 Hallwatch / Sign in</title><link rel="stylesheet" href="/assets/hallwatch.css"></head>
                <body class="plain"><main class="notice"><h1>登录 / Sign in</h1>%s</main></body></html>
                """.formatted(body);
        return Pages.page(Response.status(status).entity(html));
    }
}
