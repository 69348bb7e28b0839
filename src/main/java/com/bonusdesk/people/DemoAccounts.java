package com.bonusdesk.people;

import java.util.List;
import java.util.Set;

/** The accounts a demo installation starts with: one team, its managers, and one person per back-office role. */
final class DemoAccounts {

    static final String PASSWORD = "demo1234";

    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("director1", "刘强", "E0001", "总经理办公室", null, Set.of(Role.MANAGER, Role.DIRECTOR)),
            new DemoAccount("manager1", "王芳", "E1001", "华东销售部", "director1", Set.of(Role.MANAGER)),
            new DemoAccount("sales1", "张伟", "E1101", "华东销售部", "manager1", Set.of(Role.SALES)),
            new DemoAccount("sales2", "李娜", "E1102", "华东销售部", "manager1", Set.of(Role.SALES)),
            new DemoAccount("sales3", "陈杰", "E1103", "华东销售部", "manager1", Set.of(Role.SALES)),
            new DemoAccount("hr1", "赵敏", "E2001", "人力资源部", null, Set.of(Role.HR)),
            new DemoAccount("finance1", "孙丽", "E3001", "财务部", null, Set.of(Role.FINANCE)),
            new DemoAccount("admin1", "周涛", "E9001", "信息技术部", null, Set.of(Role.ADMIN)));

    private DemoAccounts() {
    }

    /** Listed managers first, so that each account's manager exists when it is created. */
    record DemoAccount(String username, String displayName, String employeeNumber, String department,
            String managerUsername, Set<Role> roles) {
    }
}
