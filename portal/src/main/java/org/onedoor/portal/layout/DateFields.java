package org.onedoor.portal.layout;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.i18n.CityTime;

/**
 * Date fields that speak the page's language and take a date written the ways people write it: 2015-03-12,
 * 2015/3/12, 2015.3.12, 2015年3月12日 and 20150312 all read as 12 March 2015 and show as 2015-03-12. A text that is
 * not a date says so ("not a date, e.g. 2015-03-12"), never "please fill in this field".
 */
public final class DateFields {

  private static final String BAD_INPUT = "onedoor-bad-date-input";

  private DateFields() {
  }

  /** Whether the field holds text that is no date (its value is then empty, yet the field is not blank). */
  public static boolean hasBadInput(com.vaadin.flow.component.Component field) {
    return field instanceof DatePicker && com.vaadin.flow.component.ComponentUtil.getData(field, BAD_INPUT) != null;
  }

  /**
   * Marks a required field left empty, or a date field holding text that is no date, with the right message; true
   * when the field is fine. A hidden field is always fine.
   */
  public static boolean check(com.vaadin.flow.component.Component field) {
    if (!field.isVisible() || !(field instanceof com.vaadin.flow.component.HasValidation validation)
        || !(field instanceof com.vaadin.flow.component.HasValue<?, ?> value)) {
      return true;
    }
    if (hasBadInput(field)) {
      validation.setErrorMessage(field.getTranslation("date.badInput"));
      validation.setInvalid(true);
      return false;
    }
    if (value.isRequiredIndicatorVisible() && value.isEmpty()) {
      validation.setErrorMessage(field.getTranslation("form.required"));
      validation.setInvalid(true);
      return false;
    }
    return true;
  }

  /** Localises a date field: month and day names, buttons, accepted formats and its error messages. */
  public static DatePicker localised(DatePicker field) {
    boolean english = Language.of(field.getLocale()) == Language.EN;
    DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
        .setDateFormats("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d")
        .setFirstDayOfWeek(1)
        .setBadInputErrorMessage(field.getTranslation("date.badInput"))
        .setRequiredErrorMessage(field.getTranslation("date.required"))
        .setMinErrorMessage(field.getTranslation("date.tooEarly"))
        .setMaxErrorMessage(field.getTranslation("date.tooLate"))
        .setToday(field.getTranslation("date.today"))
        .setCancel(field.getTranslation("date.cancel"));
    if (english) {
      i18n.setMonthNames(List.of("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"))
          .setWeekdays(List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"))
          .setWeekdaysShort(List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"));
    } else {
      i18n.setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
          "十一月", "十二月"))
          .setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"))
          .setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"));
    }
    field.setI18n(i18n);
    // The browser tells when the text typed is no date; the flag lives until the value changes again.
    field.getElement().addEventListener("unparsable-change",
        event -> com.vaadin.flow.component.ComponentUtil.setData(field, BAD_INPUT, Boolean.TRUE));
    field.addValueChangeListener(event -> com.vaadin.flow.component.ComponentUtil.setData(field, BAD_INPUT, null));
    field.setPlaceholder("2015-03-12");
    field.setHelperText(field.getTranslation("date.help"));
    return field;
  }

  /**
   * A child's date of birth: localised, no later than today nor more than 18 years back, and a calendar that opens
   * eight years back rather than on this month (nobody scrolls through a decade month by month).
   */
  public static DatePicker birthDate(DatePicker field) {
    localised(field);
    LocalDate today = CityTime.today();
    field.setMax(today);
    field.setMin(today.minusYears(18));
    field.setInitialPosition(today.minusYears(8));
    return field;
  }
}
