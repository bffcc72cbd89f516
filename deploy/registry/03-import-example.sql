-- School registry: an import example (one school, one class, a pupil and her mother). Run as the loader:
--   psql -v ON_ERROR_STOP=1 -h registry-db -U registry_loader -d school_registry -1 -f deploy/registry/03-import-example.sql
-- Keycloak must have started once before (it creates the tables). The *_norm columns, phone, email,
-- snils, series and doc_number hold normalised values (docs/ru/registry-loading.md, "Нормализация"); the
-- *_entered columns keep what the school typed. ids are the school system's own stable keys.
INSERT INTO sr_organisation (id, org_type, name, municipality)
VALUES ('sch-example-7', 'SCHOOL', 'МАОУ СОШ № 7', 'г. Пример');
INSERT INTO sr_class (id, organisation_id, name)
VALUES ('sch-example-7-5a', 'sch-example-7', '5А');
INSERT INTO sr_account (id, account_role, organisation_id, class_id, last_name, first_name, middle_name,
        last_name_norm, first_name_norm, middle_name_norm, birth_date, snils)
VALUES ('sch-example-7-pupil-1', 'STUDENT', 'sch-example-7', 'sch-example-7-5a', 'Семёнова', 'Алёна', 'Петровна',
        'СЕМЕНОВА', 'АЛЕНА', 'ПЕТРОВНА', DATE '2014-05-20', NULL);
INSERT INTO sr_account_document (account_id, doc_type, series, doc_number, series_entered, number_entered)
VALUES ('sch-example-7-pupil-1', 'BIRTH_CERTIFICATE', 'IVМЮ', '123456', 'IV-МЮ', '123456');
INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name,
        last_name_norm, first_name_norm, middle_name_norm, birth_date, snils)
VALUES ('sch-example-7-parent-1', 'PARENT', 'sch-example-7', 'Семёнова', 'Ольга', 'Ивановна',
        'СЕМЕНОВА', 'ОЛЬГА', 'ИВАНОВНА', DATE '1986-11-02', '11223344595');
INSERT INTO sr_account_phone (account_id, phone, phone_entered)
VALUES ('sch-example-7-parent-1', '79011234567', '8 (901) 123-45-67');
INSERT INTO sr_account_email (account_id, email, email_entered)
VALUES ('sch-example-7-parent-1', 'o.semenova@example.ru', 'O.Semenova@Example.RU');
INSERT INTO sr_parent_student (parent_account_id, student_account_id)
VALUES ('sch-example-7-parent-1', 'sch-example-7-pupil-1');
