package com.bonusdesk.calendar;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A date that is not what its weekday says: a holiday on a weekday, or a worked weekend day. */
@Entity
@Table(name = "calendar_day")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CalendarDay {

    public enum Kind {
        /** A public holiday: no work although it is a weekday. */
        HOLIDAY,
        /** A make-up working day (调休): work although it is a weekend day. */
        WORKDAY
    }

    @Id
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String name;

    CalendarDay(LocalDate day, Kind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    @Override
    public String toString() {
        return day + " " + kind + " " + name;
    }
}
