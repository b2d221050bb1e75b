package org.mandate.meeting.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.meeting.Conclusion;
import org.mandate.meeting.Conclusion.ConcludedTask;
import org.mandate.meeting.Meetings;
import org.mandate.meeting.NewMeeting;
import org.mandate.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working sessions of the seed scenario (DOMAIN.md): Móng Cái, 9 October 2024, and Lào Cai,
 * 25 February 2021, concluded with their tasks. The facts (who met whom, what was referred to,
 * which tasks) are the reported ones; the notices' numbers, the deadlines and the progress are
 * made up for the demo (the press did not report them) and say so in the texts.
 */
@Component
class DemoMeetings {
    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

    private final Meetings meetings;
    private final Tasks tasks;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoMeetings(Meetings meetings, Tasks tasks, JdbcClient jdbc, @Value("${mandate.seed.demo:true}") boolean enabled) {
        this.meetings = meetings;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    public void load() {
        if (!enabled
                || jdbc.sql("SELECT count(*) FROM meeting").query(Long.class).single() > 0) {
            return;
        }
        try (var job = Scopes.asSystem("demo")) {
            mongCai();
            laoCai();
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the demo sessions: " + e.getMessage(), e);
        }
        log.info("Loaded the demo working sessions and their tasks");
    }

    private void mongCai() {
        long province = body("TU-QN");
        long city = body("ThU-MC");
        long standing = body("BTV-ThU-MC");
        long cityCommittee = body("UBND-MC");
        long id = meetings.create(new NewMeeting(
                LocalDate.of(2024, 10, 9),
                "Thành phố Móng Cái",
                "Phó Bí thư Tỉnh ủy Quảng Ninh",
                province,
                standing,
                "Làm việc với Ban Thường vụ Thành ủy Móng Cái",
                "Phó Bí thư Tỉnh ủy; Ban Thường vụ Thành ủy Móng Cái; lãnh đạo các sở, ngành liên quan",
                List.of(province, standing),
                "Báo cáo của Ban Thường vụ Thành ủy Móng Cái: 36 tổ chức cơ sở đảng, 263 chi bộ trực thuộc đảng ủy"
                        + " cơ sở; từ đầu nhiệm kỳ 2020-2025 kết nạp 857 đảng viên; thu nhập bình quân tại 9 xã nông"
                        + " thôn mới 74,8 triệu đồng/người/năm; lao động qua đào tạo 87,2%; 3,962 triệu lượt khách du"
                        + " lịch giai đoạn 2020-2023.",
                null,
                "Đề xuất cơ chế đặc thù cho khu vực cửa khẩu.",
                "Tiếp tục thực hiện Kết luận số 1026-KL/TU ngày 11/7/2023 của Ban Chấp hành Đảng bộ tỉnh và Kết"
                        + " luận số 1137-KL/TU ngày 17/5/2024 của Ban Thường vụ Tỉnh ủy; triển khai thực hiện Chỉ thị"
                        + " số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và Kế hoạch số 439-KH/TU ngày 23/7/2024 về đại"
                        + " hội đảng bộ các cấp."));
        LocalDate notice = LocalDate.of(2024, 10, 15);
        meetings.conclude(
                id,
                new Conclusion(
                        "1501-TB/TU",
                        notice,
                        "(số hiệu và người ký minh họa)",
                        List.of(
                                task(
                                        "Lựa chọn mô hình phát triển tổng thể của thành phố",
                                        city,
                                        cityCommittee,
                                        "2024-12-31"),
                                task("Xác định quy mô dân số phù hợp", cityCommittee, city, "2025-03-31"),
                                task("Xây dựng chính sách thu hút đầu tư", cityCommittee, city, "2025-03-31"),
                                task("Xây dựng mô hình hợp tác du lịch biên giới", cityCommittee, city, null),
                                task("Thực hiện ba khâu đột phá chiến lược", city, cityCommittee, null),
                                task("Cải cách dịch vụ công", cityCommittee, city, "2025-06-30"),
                                task(
                                        "Chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025-2030",
                                        city,
                                        standing,
                                        "2025-06-30"),
                                task(
                                        "Bầu trưởng thôn, khu phố nhiệm kỳ 2025-2027",
                                        cityCommittee,
                                        city,
                                        "2024-12-31"))));
        // how far the office got, for the dashboards (made up for the demo)
        var created = jdbc.sql("SELECT id, title FROM task WHERE meeting_id = :m ORDER BY id")
                .param("m", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        for (Object[] t : created) {
            long taskId = (Long) t[0];
            String title = (String) t[1];
            if (title.startsWith("Bầu trưởng thôn")) {
                tasks.report(taskId, LocalDate.of(2024, 12, 10), 80, "Đã bầu xong ở 14/17 xã, phường", List.of());
                tasks.complete(taskId, LocalDate.of(2024, 12, 20), "100% bí thư chi bộ thôn đồng thời là trưởng thôn");
            } else if (title.startsWith("Xác định quy mô dân số")) {
                tasks.report(taskId, LocalDate.of(2025, 3, 20), 70, "Đã có dự thảo báo cáo quy mô dân số", List.of());
                tasks.complete(taskId, LocalDate.of(2025, 4, 25), "Báo cáo quy mô dân số đã trình Ban Thường vụ");
            } else if (title.startsWith("Chuẩn bị đại hội")) {
                tasks.report(taskId, LocalDate.of(2025, 5, 30), 90, "Hoàn thành dự thảo văn kiện", List.of());
                tasks.complete(taskId, LocalDate.of(2025, 6, 28), "Đại hội các đảng bộ cơ sở hoàn thành");
            } else if (title.startsWith("Cải cách dịch vụ công")) {
                tasks.report(taskId, LocalDate.of(2025, 5, 15), 60, "Số hóa 60% thủ tục", List.of());
            }
        }
    }

    private void laoCai() {
        long standing = body("BTV-TU-LC");
        long city = body("ThU-LC");
        long id = meetings.create(new NewMeeting(
                LocalDate.of(2021, 2, 25),
                "Thành phố Lào Cai",
                "Ban Thường vụ Tỉnh ủy Lào Cai",
                standing,
                city,
                "Ban Thường vụ Tỉnh ủy làm việc với Thành ủy Lào Cai",
                null,
                List.of(standing, city),
                "Thu ngân sách nhà nước năm 2020 trên 2.680 tỷ đồng, tăng 39%.",
                null,
                null,
                "Tiếp tục thực hiện Nghị quyết số 06-NQ/TU ngày 20/10/2016 của Ban Thường vụ Tỉnh ủy; tháo gỡ năm"
                        + " điểm nghẽn."));
        meetings.conclude(
                id,
                new Conclusion(
                        "120-TB/TU",
                        LocalDate.of(2021, 3, 5),
                        "(số hiệu và người ký minh họa)",
                        List.of(
                                task("Tăng cường phối hợp giữa các sở, ngành", city, null, "2021-12-31"),
                                task("Xác định rõ đầu mối giải quyết công việc", city, null, "2021-06-30"),
                                task("Đẩy mạnh ứng dụng công nghệ thông tin", city, null, "2021-12-31"),
                                task("Giải quyết dứt điểm các vụ khiếu nại kéo dài", city, null, "2021-09-30"),
                                task("Đẩy nhanh giải phóng mặt bằng", city, null, null))));
        var created = jdbc.sql("SELECT id FROM task WHERE meeting_id = :m ORDER BY id")
                .param("m", id)
                .query(Long.class)
                .list();
        tasks.complete(created.get(1), LocalDate.of(2021, 6, 15), "Đã phân công đầu mối theo từng lĩnh vực");
        tasks.complete(created.get(3), LocalDate.of(2021, 11, 30), "Giải quyết 9/11 vụ việc");
    }

    private static ConcludedTask task(String title, long lead, @Nullable Long with, @Nullable String deadline) {
        return new ConcludedTask(
                title,
                lead,
                with == null ? List.of() : List.of(with),
                null,
                deadline == null ? null : LocalDate.parse(deadline));
    }

    private long body(String code) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.code = :code AND u.hierarchy = 'body'
                         ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1
                        """).param("code", code).query(Long.class).single();
    }
}
