package com.bonusdesk.calendar;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.springframework.data.domain.Persistable;

/** A date that is not what its weekday says: a holiday on a weekday, or a worked weekend day. */
@Entity
@Table(name = "calendar_day")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CalendarDay implements Persistable<LocalDate> {

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

    /** A day built here is inserted, never merged over an existing one: adding a date twice fails. */
    @Transient
    private boolean fresh;

    CalendarDay(LocalDate day, Kind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
        this.fresh = true;
    }

    @Override
    public LocalDate getId() {
        return day;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.fresh = false;
    }

    @Override
    public String toString() {
        return day + " " + kind + " " + name;
    }
}
