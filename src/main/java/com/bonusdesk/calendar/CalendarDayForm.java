package com.bonusdesk.calendar;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import com.bonusdesk.web.PlausibleDate;

/** An administrator adding a holiday or a make-up working day. */
@Getter
@Setter
public class CalendarDayForm {

    @NotNull(message = "{calendar.date.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{calendar.kind.required}")
    private CalendarDay.Kind kind = CalendarDay.Kind.HOLIDAY;

    @NotBlank(message = "{calendar.name.required}")
    @Size(max = 100, message = "{calendar.name.size}")
    private String name;

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }
}
