# French dates as the French public service writes them: "9 janvier 2027", and hours as
# "14 h 30" (the template filters of pages/templatetags/when.py add "1er" for the first of
# the month and leave out ":00", "14 h", which a format string cannot).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"
TIME_FORMAT = "G\xa0\\h\xa0i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y G\xa0\\h\xa0i"
FIRST_DAY_OF_WEEK = 1
