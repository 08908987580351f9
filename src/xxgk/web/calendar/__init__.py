"""The working-day calendar table: 法定节假日 and 调休 the system administrator enters over
chinesecalendar. Every app that counts working days reads it here; a change is announced by the
`calendar_changed` signal, so this app depends on none of them."""
