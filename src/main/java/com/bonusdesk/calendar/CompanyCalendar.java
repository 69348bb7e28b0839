package com.bonusdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.HolidayCalendar;
import com.bonusdesk.calculation.WorkingDays;
import com.bonusdesk.refusal.Refusal;

/** The calendar as administrators keep it, and as the rules read it. */
@Service
@RequiredArgsConstructor
public class CompanyCalendar {

    private final CalendarDayRepository days;
    private final ApplicationEventPublisher events;

    /** The calendar as it is now; a later edit does not change a snapshot already taken. */
    @Transactional(readOnly = true)
    public WorkingDays snapshot() {
        List<CalendarDay> all = days.findAll();
        return new HolidayCalendar(
                all.stream().filter(day -> day.getKind() == CalendarDay.Kind.HOLIDAY).map(CalendarDay::getDay)
                        .collect(Collectors.toSet()),
                all.stream().filter(day -> day.getKind() == CalendarDay.Kind.WORKDAY).map(CalendarDay::getDay)
                        .collect(Collectors.toSet()));
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> exceptionsIn(Year year) {
        return days.findByDayBetweenOrderByDay(year.atDay(1), year.atMonth(12).atEndOfMonth());
    }

    /** Why {@code day} cannot be added as {@code kind}, as a message key; empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> problemAdding(LocalDate day, CalendarDay.Kind kind) {
        if (days.existsById(day)) {
            return Optional.of("calendar.day.exists");
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == CalendarDay.Kind.HOLIDAY && weekend) {
            return Optional.of("calendar.day.alreadyOff");
        }
        if (kind == CalendarDay.Kind.WORKDAY && !weekend) {
            return Optional.of("calendar.day.alreadyWorking");
        }
        return Optional.empty();
    }

    @Transactional
    public void add(LocalDate day, CalendarDay.Kind kind, String name, String actor) {
        CalendarDay added;
        try {
            added = days.saveAndFlush(new CalendarDay(day, kind, name));
        } catch (DataIntegrityViolationException e) {
            throw new Refusal.WrongState("calendar.day.exists");
        }
        events.publishEvent(new CalendarChanged(actor, day.toString(), CalendarChanged.Change.ADDED, null,
                added.toString()));
    }

    @Transactional
    public void remove(LocalDate day, String actor) {
        days.findById(day).ifPresent(existing -> {
            days.delete(existing);
            events.publishEvent(new CalendarChanged(actor, day.toString(), CalendarChanged.Change.REMOVED,
                    existing.toString(), null));
        });
    }
}
