package com.bonusdesk.notifications;

import java.time.Instant;

/**
 * A team's group robot: the team is everyone below {@code managerId}, and the robot posts the manager's digest of
 * waiting items to the team's WeCom or DingTalk group. Its URL holds the robot's secret key and is never shown back
 * in full.
 */
public record TeamWebhook(long id, long managerId, Service service, String url, Instant createdAt, String createdBy) {

    /** The group chat a robot posts to. */
    public enum Service {
        WECOM("qyapi.weixin.qq.com", "/cgi-bin/webhook/send", "key"),
        DINGTALK("oapi.dingtalk.com", "/robot/send", "access_token");

        final String host;
        final String path;
        final String secretParameter;

        Service(String host, String path, String secretParameter) {
            this.host = host;
            this.path = path;
            this.secretParameter = secretParameter;
        }
    }

    /** The URL as screens show it. */
    public String shownUrl() {
        return masked(url);
    }

    /** A robot URL with its secret hidden but for its last four characters. */
    static String masked(String url) {
        int query = url.indexOf('=');
        int cut = query < 0 ? url.lastIndexOf('/') : query;
        String secret = url.substring(cut + 1);
        return url.substring(0, cut + 1) + "••••" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }
}
