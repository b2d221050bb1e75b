package org.mandate.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.province;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An administrator adds a user on the page, grants them the office role at a province found by
 * name, and takes it away again; a province's administrator is offered only units of their
 * province and sees only its users; an office sees no link and is refused the page.
 */
@MandateIT
class UserAdminE2EIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    private Page signIn(String user) {
        return browser.signIn(port, user);
    }

    /** The choice whose unit is named exactly so (bodies of the province are offered too). */
    private static Locator choice(Page page, String fullName) {
        return page.locator("label.unit-choice")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByText(fullName, new Page.GetByTextOptions().setExact(true))));
    }

    @Test
    void anAdministratorAddsAUserGrantsAndRevokes() {
        var page = signIn("admin");
        page.locator("#nav-users").click();
        assertThat(page.locator("h1")).hasText("Quản lý người dùng");

        var add = page.locator("#add-user");
        add.locator("input[name=username]").fill("e2e-langson");
        add.locator("input[name=displayName]").fill("Văn phòng <b>UBND</b> tỉnh Lạng Sơn");
        add.locator("input[name=password]").fill("mot-mat-khau-rat-dai");
        add.locator("button").click();
        assertThat(page.locator("#added")).containsText("e2e-langson");
        var row = page.locator("#user-e2e-langson");
        assertThat(row).containsText("Văn phòng <b>UBND</b> tỉnh Lạng Sơn");
        assertThat(row).containsText("Chưa được giao quyền");

        var grant = page.locator("#grant");
        assertThat(grant.locator("select[name=username]")).hasValue("e2e-langson");
        grant.locator("select[name=role]").selectOption("office");
        grant.locator("#unit-search").fill("Lạng Sơn");
        choice(page, "Tỉnh Lạng Sơn").locator("input").check();
        grant.locator("button[type=submit]").click();

        row = page.locator("#user-e2e-langson");
        assertThat(row.locator("li.grant")).hasCount(1);
        assertThat(row.locator("li.grant")).containsText("Văn phòng (theo dõi, đôn đốc)");
        assertThat(row.locator("li.grant")).containsText("Tỉnh Lạng Sơn");
        long grantId = jdbc.sql("SELECT g.id FROM user_grant g JOIN app_user u ON u.id = g.user_id"
                        + " WHERE u.username = 'e2e-langson' AND g.unit_id = :unit AND g.role = 'office'")
                .param("unit", province(jdbc, "Lạng Sơn"))
                .query(Long.class)
                .single();

        row.locator("li.grant button").click();
        assertThat(page.locator("#user-e2e-langson")).containsText("Chưa được giao quyền");
        assertThat(jdbc.sql("SELECT count(*) FROM user_grant WHERE id = :id")
                        .param("id", grantId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor = 'admin' AND entity_id = :id"
                                + " AND entity = 'user_grant' ORDER BY seq")
                        .param("id", grantId)
                        .query(String.class)
                        .list())
                .containsExactly("grant", "revoke");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'admin' AND action = 'create_user'"
                                + " AND detail->>'user' = 'e2e-langson'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aProvinceAdministratorIsOfferedOnlyTheirProvince() {
        if (!users.exists("e2e-qnadmin")) {
            users.add("e2e-qnadmin", encoder.encode("test-password"), "Quản trị Quảng Ninh", false);
            users.grant("e2e-qnadmin", Role.ADMIN, province(jdbc, "Quảng Ninh"), "system:tests");
        }
        var page = signIn("e2e-qnadmin");
        page.locator("#nav-users").click();
        assertThat(page.locator("#user-quangninh")).hasCount(1);
        assertThat(page.locator("#user-haiphong")).hasCount(0);
        assertThat(page.locator("input[name=unit][value=country]")).hasCount(0);

        var search = page.locator("#unit-search");
        search.fill("Lạng Sơn");
        assertThat(page.locator("#unit-choices")).containsText("Không có đơn vị nào");
        search.fill("Móng Cái 1");
        assertThat(choice(page, "Phường Móng Cái 1")).hasCount(1);
    }

    @Test
    void anOfficeSeesNoLinkAndIsRefused() {
        var page = signIn("quangninh");
        assertThat(page.locator("header nav")).containsText("Nhiệm vụ");
        assertThat(page.locator("#nav-users")).hasCount(0);
        var refused = page.navigate("http://localhost:" + port + "/admin/users");
        assertThat(refused.status()).isEqualTo(403);
    }
}
