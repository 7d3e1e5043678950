--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entries (
    id bigint NOT NULL,
    "time" timestamp with time zone,
    "user" character varying(64),
    project_id bigint,
    entity character varying(32),
    entity_id bigint,
    action character varying(32),
    field character varying(64),
    old text,
    new text,
    source character varying(64),
    note text
);


--
-- Name: audit_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_entries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_entries_id_seq OWNED BY public.audit_entries.id;


--
-- Name: budget_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budget_lines (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    year bigint,
    source character varying(64),
    amount bigint
);


--
-- Name: budget_lines_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.budget_lines_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: budget_lines_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.budget_lines_id_seq OWNED BY public.budget_lines.id;


--
-- Name: disbursements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.disbursements (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    date character varying(10) NOT NULL,
    source character varying(64),
    amount bigint,
    voucher character varying(64) NOT NULL,
    note text,
    created_by character varying(64),
    created_at timestamp with time zone,
    updated_at timestamp with time zone
);


--
-- Name: disbursements_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.disbursements_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: disbursements_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.disbursements_id_seq OWNED BY public.disbursements.id;


--
-- Name: import_batches; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_batches (
    id bigint NOT NULL,
    kind character varying(16),
    files text,
    "user" character varying(64),
    created bigint,
    updated bigint,
    unchanged bigint,
    created_at timestamp with time zone
);


--
-- Name: import_batches_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.import_batches_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: import_batches_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.import_batches_id_seq OWNED BY public.import_batches.id;


--
-- Name: indicator_targets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.indicator_targets (
    id bigint NOT NULL,
    annex bigint,
    task character varying(255),
    year bigint,
    target character varying(64),
    responsible_unit character varying(128),
    source_file character varying(255),
    source_sheet character varying(128),
    source_row bigint
);


--
-- Name: indicator_targets_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.indicator_targets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: indicator_targets_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.indicator_targets_id_seq OWNED BY public.indicator_targets.id;


--
-- Name: milestones; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestones (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    kind character varying(16) NOT NULL,
    name character varying(64) NOT NULL,
    seq bigint,
    baseline_date character varying(10),
    baseline_prec character varying(5),
    forecast character varying(10),
    actual character varying(10),
    slip_reason character varying(255),
    version bigint DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone
);


--
-- Name: milestones_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.milestones_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: milestones_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.milestones_id_seq OWNED BY public.milestones.id;


--
-- Name: progress_reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.progress_reports (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    report_date character varying(10) NOT NULL,
    percent numeric,
    investment_done bigint,
    problems text,
    source character varying(64),
    created_by character varying(64),
    created_at timestamp with time zone
);


--
-- Name: progress_reports_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.progress_reports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: progress_reports_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.progress_reports_id_seq OWNED BY public.progress_reports.id;


--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id bigint NOT NULL,
    code character varying(64) NOT NULL,
    name character varying(255) NOT NULL,
    name_key character varying(255),
    annex bigint,
    category character varying(128),
    site character varying(255),
    township character varying(64),
    responsible_unit character varying(128),
    content text,
    planned_start_date character varying(10),
    planned_start_prec character varying(5),
    planned_finish_date character varying(10),
    planned_finish_prec character varying(5),
    investment bigint,
    floor_area numeric,
    land numeric,
    beds bigint,
    source_file character varying(255),
    source_sheet character varying(128),
    source_row bigint,
    created_batch bigint,
    created_at timestamp with time zone,
    updated_at timestamp with time zone
);


--
-- Name: projects_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.projects_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: projects_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.projects_id_seq OWNED BY public.projects.id;


--
-- Name: supervision_replies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.supervision_replies (
    id bigint NOT NULL,
    supervision_id bigint NOT NULL,
    author character varying(64),
    action character varying(16),
    body text,
    created_at timestamp with time zone
);


--
-- Name: supervision_replies_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.supervision_replies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: supervision_replies_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.supervision_replies_id_seq OWNED BY public.supervision_replies.id;


--
-- Name: supervisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.supervisions (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    reason text NOT NULL,
    reply_due character varying(10) NOT NULL,
    status character varying(16) NOT NULL,
    level bigint DEFAULT 1 NOT NULL,
    raised_by character varying(64),
    raised_at timestamp with time zone,
    closed_at timestamp with time zone
);


--
-- Name: supervisions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.supervisions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: supervisions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.supervisions_id_seq OWNED BY public.supervisions.id;


--
-- Name: tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokens (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    hash character varying(64) NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone
);


--
-- Name: tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tokens_id_seq OWNED BY public.tokens.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    name character varying(64) NOT NULL,
    role character varying(16) NOT NULL,
    unit character varying(128),
    password_hash character varying(255) NOT NULL,
    disabled boolean,
    created_at timestamp with time zone
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: audit_entries id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries ALTER COLUMN id SET DEFAULT nextval('public.audit_entries_id_seq'::regclass);


--
-- Name: budget_lines id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_lines ALTER COLUMN id SET DEFAULT nextval('public.budget_lines_id_seq'::regclass);


--
-- Name: disbursements id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disbursements ALTER COLUMN id SET DEFAULT nextval('public.disbursements_id_seq'::regclass);


--
-- Name: import_batches id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches ALTER COLUMN id SET DEFAULT nextval('public.import_batches_id_seq'::regclass);


--
-- Name: indicator_targets id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.indicator_targets ALTER COLUMN id SET DEFAULT nextval('public.indicator_targets_id_seq'::regclass);


--
-- Name: milestones id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestones ALTER COLUMN id SET DEFAULT nextval('public.milestones_id_seq'::regclass);


--
-- Name: progress_reports id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.progress_reports ALTER COLUMN id SET DEFAULT nextval('public.progress_reports_id_seq'::regclass);


--
-- Name: projects id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects ALTER COLUMN id SET DEFAULT nextval('public.projects_id_seq'::regclass);


--
-- Name: supervision_replies id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervision_replies ALTER COLUMN id SET DEFAULT nextval('public.supervision_replies_id_seq'::regclass);


--
-- Name: supervisions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervisions ALTER COLUMN id SET DEFAULT nextval('public.supervisions_id_seq'::regclass);


--
-- Name: tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens ALTER COLUMN id SET DEFAULT nextval('public.tokens_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Data for Name: audit_entries; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entries VALUES (1, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'milestone', 1, 'update', 'actual_date', '', '2019-01-08', 'import#1', '');
INSERT INTO public.audit_entries VALUES (2, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'milestone', 2, 'update', 'forecast_date', '', '2021-11-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (3, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'milestone', 3, 'update', 'actual_date', '', '2018-12-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (4, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'milestone', 4, 'update', 'actual_date', '', '2020-12-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (5, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'milestone', 5, 'update', 'actual_date', '', '2019-03-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (6, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'milestone', 6, 'update', 'forecast_date', '', '2021-06-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (7, '2026-12-01 22:47:53.826834+00', 'demo', 4, 'milestone', 8, 'update', 'forecast_date', '', '2021-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (8, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'milestone', 9, 'update', 'actual_date', '', '2018-12-18', 'import#1', '');
INSERT INTO public.audit_entries VALUES (9, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'milestone', 10, 'update', 'forecast_date', '', '2021-05-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (10, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'milestone', 11, 'update', 'actual_date', '', '2019-01-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (11, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'milestone', 12, 'update', 'actual_date', '', '2020-12-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (12, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'milestone', 13, 'update', 'actual_date', '', '2018-10-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (13, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'milestone', 14, 'update', 'actual_date', '', '2019-12-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (14, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'milestone', 15, 'update', 'actual_date', '', '2018-12-05', 'import#1', '');
INSERT INTO public.audit_entries VALUES (15, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'milestone', 16, 'update', 'actual_date', '', '2020-03-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (16, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'milestone', 17, 'update', 'actual_date', '', '2019-06-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (17, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'milestone', 18, 'update', 'actual_date', '', '2020-12-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (18, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'milestone', 19, 'update', 'actual_date', '', '2019-08-01', 'import#1', '');
INSERT INTO public.audit_entries VALUES (19, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'milestone', 20, 'update', 'forecast_date', '', '2021-04-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (20, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'milestone', 21, 'update', 'actual_date', '', '2019-07-15', 'import#1', '');
INSERT INTO public.audit_entries VALUES (21, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'milestone', 22, 'update', 'forecast_date', '', '2021-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (22, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'milestone', 23, 'update', 'actual_date', '', '2018-12-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (23, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'milestone', 24, 'update', 'actual_date', '', '2020-10-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (24, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'milestone', 25, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (25, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'milestone', 26, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (26, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'milestone', 27, 'update', 'actual_date', '', '2019-09-02', 'import#1', '');
INSERT INTO public.audit_entries VALUES (27, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'milestone', 28, 'update', 'actual_date', '', '2020-06-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (28, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'milestone', 29, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (29, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'milestone', 30, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (30, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'milestone', 31, 'update', 'actual_date', '', '2019-05-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (31, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'milestone', 32, 'update', 'forecast_date', '', '2021-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (32, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'milestone', 33, 'update', 'actual_date', '', '2017-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (33, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'milestone', 34, 'update', 'actual_date', '', '2017-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (34, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'milestone', 35, 'update', 'actual_date', '', '2017-09-12', 'import#1', '');
INSERT INTO public.audit_entries VALUES (35, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'milestone', 36, 'update', 'actual_date', '', '2018-05-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (36, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'milestone', 37, 'update', 'actual_date', '', '2017-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (37, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'milestone', 38, 'update', 'actual_date', '', '2017-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (38, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'milestone', 39, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (39, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'milestone', 40, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (40, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'milestone', 41, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (41, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'milestone', 42, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (42, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'milestone', 43, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (43, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'milestone', 44, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (44, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'milestone', 45, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (45, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'milestone', 46, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (46, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'milestone', 47, 'update', 'actual_date', '', '2018-06-01', 'import#1', '');
INSERT INTO public.audit_entries VALUES (47, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'milestone', 48, 'update', 'actual_date', '', '2019-04-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (48, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'milestone', 49, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (49, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'milestone', 50, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (50, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'milestone', 51, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (51, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'milestone', 52, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (52, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'milestone', 53, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (53, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'milestone', 54, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (54, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'milestone', 55, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (55, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'milestone', 56, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (56, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'milestone', 57, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (57, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'milestone', 58, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (58, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'milestone', 59, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (59, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'milestone', 60, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (60, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'milestone', 61, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (61, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'milestone', 62, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (62, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'milestone', 63, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (63, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'milestone', 64, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (64, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'milestone', 65, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (65, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'milestone', 66, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (66, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'milestone', 67, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (67, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'milestone', 68, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (68, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'milestone', 69, 'update', 'actual_date', '', '2020-02-15', 'import#1', '');
INSERT INTO public.audit_entries VALUES (69, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'milestone', 70, 'update', 'forecast_date', '', '2021-03-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (70, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'milestone', 71, 'update', 'actual_date', '', '2019-09-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (71, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'milestone', 72, 'update', 'actual_date', '', '2020-07-15', 'import#1', '');
INSERT INTO public.audit_entries VALUES (72, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'milestone', 73, 'update', 'actual_date', '', '2017-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (73, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'milestone', 74, 'update', 'actual_date', '', '2017-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (74, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'milestone', 75, 'update', 'actual_date', '', '2017-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (75, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'milestone', 76, 'update', 'actual_date', '', '2017-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (76, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'milestone', 77, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (77, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'milestone', 78, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (78, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'milestone', 79, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (79, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'milestone', 80, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (80, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'milestone', 81, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (81, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'milestone', 82, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (82, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'milestone', 83, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (83, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'milestone', 84, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (84, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'milestone', 85, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (85, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'milestone', 86, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (86, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'milestone', 87, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (87, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'milestone', 88, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (88, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'milestone', 89, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (89, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'milestone', 90, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (90, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'milestone', 91, 'update', 'actual_date', '', '2018-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (91, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'milestone', 92, 'update', 'actual_date', '', '2018-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (92, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'milestone', 93, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (93, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'milestone', 94, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (94, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'milestone', 95, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (95, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'milestone', 96, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (96, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'milestone', 97, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (97, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'milestone', 98, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (98, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'milestone', 99, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (99, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'milestone', 100, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (100, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'milestone', 101, 'update', 'actual_date', '', '2019-04-08', 'import#1', '');
INSERT INTO public.audit_entries VALUES (101, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'milestone', 102, 'update', 'actual_date', '', '2020-01-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (102, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'milestone', 103, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (103, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'milestone', 104, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (104, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'milestone', 105, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (105, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'milestone', 106, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (106, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'milestone', 107, 'update', 'actual_date', '', '2019-11-05', 'import#1', '');
INSERT INTO public.audit_entries VALUES (107, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'milestone', 108, 'update', 'forecast_date', '', '2021-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (108, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'milestone', 109, 'update', 'actual_date', '', '2019-03-10', 'import#1', '');
INSERT INTO public.audit_entries VALUES (109, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'milestone', 110, 'update', 'actual_date', '', '2019-11-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (110, '2026-12-01 22:47:53.826834+00', 'demo', 56, 'milestone', 112, 'update', 'forecast_date', '', '2021-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (111, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'milestone', 2, 'update', 'actual_date', '', '2021-11-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (112, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'milestone', 6, 'update', 'actual_date', '', '2021-06-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (113, '2026-12-01 22:47:53.826834+00', 'demo', 4, 'milestone', 8, 'update', 'forecast_date', '2021-12-31', '2027-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (114, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'milestone', 10, 'update', 'actual_date', '', '2021-05-20', 'import#1', '');
INSERT INTO public.audit_entries VALUES (115, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'milestone', 20, 'update', 'actual_date', '', '2021-04-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (116, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'milestone', 22, 'update', 'forecast_date', '2021-12-31', '2027-03-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (117, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'milestone', 32, 'update', 'forecast_date', '2021-12-31', '2027-06-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (118, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'milestone', 70, 'update', 'actual_date', '', '2021-03-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (119, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'milestone', 108, 'update', 'forecast_date', '2021-12-31', '2027-05-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (120, '2026-12-01 22:47:53.826834+00', 'demo', 56, 'milestone', 112, 'update', 'forecast_date', '2021-12-31', '2027-09-30', 'import#1', '');
INSERT INTO public.audit_entries VALUES (121, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'progress', 1, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (122, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'progress', 2, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (123, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'progress', 3, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (124, '2026-12-01 22:47:53.826834+00', 'demo', 4, 'progress', 4, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (125, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'progress', 5, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (126, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'progress', 6, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (127, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'progress', 7, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (128, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'progress', 8, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (129, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'progress', 9, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (130, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'progress', 10, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (131, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'progress', 11, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (132, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'progress', 12, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (133, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'progress', 13, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (134, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'progress', 14, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (135, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'progress', 15, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (136, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'progress', 16, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (137, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'progress', 17, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (138, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'progress', 18, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (139, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'progress', 19, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (140, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'progress', 20, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (141, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'progress', 21, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (142, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'progress', 22, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (143, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'progress', 23, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (144, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'progress', 24, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (145, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'progress', 25, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (146, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'progress', 26, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (147, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'progress', 27, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (148, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'progress', 28, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (149, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'progress', 29, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (150, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'progress', 30, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (151, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'progress', 31, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (152, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'progress', 32, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (153, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'progress', 33, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (154, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'progress', 34, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (155, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'progress', 35, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (156, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'progress', 36, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (157, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'progress', 37, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (158, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'progress', 38, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (159, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'progress', 39, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (160, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'progress', 40, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (161, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'progress', 41, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (162, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'progress', 42, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (163, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'progress', 43, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (164, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'progress', 44, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (165, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'progress', 45, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (166, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'progress', 46, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (167, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'progress', 47, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (168, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'progress', 48, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (169, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'progress', 49, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (170, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'progress', 50, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (171, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'progress', 51, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (172, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'progress', 52, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (173, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'progress', 53, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (174, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'progress', 54, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (175, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'progress', 55, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (176, '2026-12-01 22:47:53.826834+00', 'demo', 56, 'progress', 56, 'create', 'report_date', '', '2020-12-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (177, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'progress', 57, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (178, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'progress', 58, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (179, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'progress', 59, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (180, '2026-12-01 22:47:53.826834+00', 'demo', 4, 'progress', 60, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (181, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'progress', 61, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (182, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'progress', 62, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (183, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'progress', 63, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (184, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'progress', 64, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (185, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'progress', 65, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (186, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'progress', 66, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (187, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'progress', 67, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (188, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'progress', 68, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (189, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'progress', 69, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (190, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'progress', 70, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (191, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'progress', 71, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (192, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'progress', 72, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (193, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'progress', 73, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (194, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'progress', 74, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (195, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'progress', 75, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (196, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'progress', 76, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (197, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'progress', 77, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (198, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'progress', 78, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (199, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'progress', 79, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (200, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'progress', 80, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (201, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'progress', 81, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (202, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'progress', 82, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (203, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'progress', 83, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (204, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'progress', 84, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (205, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'progress', 85, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (206, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'progress', 86, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (207, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'progress', 87, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (208, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'progress', 88, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (209, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'progress', 89, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (210, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'progress', 90, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (211, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'progress', 91, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (212, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'progress', 92, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (213, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'progress', 93, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (214, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'progress', 94, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (215, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'progress', 95, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (216, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'progress', 96, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (217, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'progress', 97, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (218, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'progress', 98, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (219, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'progress', 99, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (220, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'progress', 100, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (221, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'progress', 101, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (222, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'progress', 102, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (223, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'progress', 103, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (224, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'progress', 104, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (225, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'progress', 105, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (226, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'progress', 106, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (227, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'progress', 107, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (228, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'progress', 108, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (229, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'progress', 109, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (230, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'progress', 110, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (231, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'progress', 111, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (232, '2026-12-01 22:47:53.826834+00', 'demo', 56, 'progress', 112, 'create', 'report_date', '', '2026-10-31', 'import#1', '');
INSERT INTO public.audit_entries VALUES (233, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'payment', 1, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (234, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'payment', 2, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (235, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'payment', 3, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (236, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'payment', 4, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (237, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'payment', 5, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (238, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'payment', 6, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (239, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'payment', 7, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (240, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'payment', 8, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (241, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'payment', 9, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (242, '2026-12-01 22:47:53.826834+00', 'demo', 17, 'payment', 10, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (243, '2026-12-01 22:47:53.826834+00', 'demo', 19, 'payment', 11, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (244, '2026-12-01 22:47:53.826834+00', 'demo', 37, 'payment', 12, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (245, '2026-12-01 22:47:53.826834+00', 'demo', 38, 'payment', 13, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (246, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'payment', 14, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (247, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'payment', 15, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (248, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'payment', 16, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (249, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'payment', 17, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (250, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'payment', 18, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (251, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'payment', 19, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (252, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'payment', 20, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (253, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'payment', 21, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (254, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'payment', 22, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (255, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'payment', 23, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (256, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'payment', 24, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (257, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'payment', 25, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (258, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'payment', 26, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (259, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'payment', 27, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (260, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'payment', 28, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (261, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'payment', 29, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (262, '2026-12-01 22:47:53.826834+00', 'demo', 18, 'payment', 30, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (263, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'payment', 31, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (264, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'payment', 32, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (265, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'payment', 33, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (266, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'payment', 34, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (267, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'payment', 35, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (268, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'payment', 36, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (269, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'payment', 37, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (270, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'payment', 38, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (271, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'payment', 39, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (272, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'payment', 40, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (273, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'payment', 41, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (274, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'payment', 42, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (275, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'payment', 43, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (276, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'payment', 44, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (277, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'payment', 45, 'create', 'amount_wan', '', '195', 'import#1', '');
INSERT INTO public.audit_entries VALUES (278, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'payment', 46, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (279, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'payment', 47, 'create', 'amount_wan', '', '195', 'import#1', '');
INSERT INTO public.audit_entries VALUES (280, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'payment', 48, 'create', 'amount_wan', '', '900', 'import#1', '');
INSERT INTO public.audit_entries VALUES (281, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'payment', 49, 'create', 'amount_wan', '', '540', 'import#1', '');
INSERT INTO public.audit_entries VALUES (282, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'payment', 50, 'create', 'amount_wan', '', '1500', 'import#1', '');
INSERT INTO public.audit_entries VALUES (283, '2026-12-01 22:47:53.826834+00', 'demo', 20, 'payment', 51, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (284, '2026-12-01 22:47:53.826834+00', 'demo', 21, 'payment', 52, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (285, '2026-12-01 22:47:53.826834+00', 'demo', 22, 'payment', 53, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (286, '2026-12-01 22:47:53.826834+00', 'demo', 23, 'payment', 54, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (287, '2026-12-01 22:47:53.826834+00', 'demo', 25, 'payment', 55, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (288, '2026-12-01 22:47:53.826834+00', 'demo', 26, 'payment', 56, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (289, '2026-12-01 22:47:53.826834+00', 'demo', 39, 'payment', 57, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (290, '2026-12-01 22:47:53.826834+00', 'demo', 40, 'payment', 58, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (291, '2026-12-01 22:47:53.826834+00', 'demo', 41, 'payment', 59, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (292, '2026-12-01 22:47:53.826834+00', 'demo', 42, 'payment', 60, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (293, '2026-12-01 22:47:53.826834+00', 'demo', 43, 'payment', 61, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (294, '2026-12-01 22:47:53.826834+00', 'demo', 44, 'payment', 62, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (295, '2026-12-01 22:47:53.826834+00', 'demo', 45, 'payment', 63, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (296, '2026-12-01 22:47:53.826834+00', 'demo', 46, 'payment', 64, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (297, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'payment', 65, 'create', 'amount_wan', '', '1500', 'import#1', '');
INSERT INTO public.audit_entries VALUES (298, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'payment', 66, 'create', 'amount_wan', '', '450', 'import#1', '');
INSERT INTO public.audit_entries VALUES (299, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'payment', 67, 'create', 'amount_wan', '', '260', 'import#1', '');
INSERT INTO public.audit_entries VALUES (300, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'payment', 68, 'create', 'amount_wan', '', '60', 'import#1', '');
INSERT INTO public.audit_entries VALUES (301, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'payment', 69, 'create', 'amount_wan', '', '90', 'import#1', '');
INSERT INTO public.audit_entries VALUES (302, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'payment', 70, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (303, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'payment', 71, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (304, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'payment', 72, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (305, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'payment', 73, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (306, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'payment', 74, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (307, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'payment', 75, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (308, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'payment', 76, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (309, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'payment', 77, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (310, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'payment', 78, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (311, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'payment', 79, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (312, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'payment', 80, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (313, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'payment', 81, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (314, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'payment', 82, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (315, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'payment', 83, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (316, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'payment', 84, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (317, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'payment', 85, 'create', 'amount_wan', '', '900', 'import#1', '');
INSERT INTO public.audit_entries VALUES (318, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'payment', 86, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (319, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'payment', 87, 'create', 'amount_wan', '', '260', 'import#1', '');
INSERT INTO public.audit_entries VALUES (320, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'payment', 88, 'create', 'amount_wan', '', '1200', 'import#1', '');
INSERT INTO public.audit_entries VALUES (321, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'payment', 89, 'create', 'amount_wan', '', '720', 'import#1', '');
INSERT INTO public.audit_entries VALUES (322, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'payment', 90, 'create', 'amount_wan', '', '6000', 'import#1', '');
INSERT INTO public.audit_entries VALUES (323, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'payment', 91, 'create', 'amount_wan', '', '2000', 'import#1', '');
INSERT INTO public.audit_entries VALUES (324, '2026-12-01 22:47:53.826834+00', 'demo', 24, 'payment', 92, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (325, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'payment', 93, 'create', 'amount_wan', '', '2000', 'import#1', '');
INSERT INTO public.audit_entries VALUES (326, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'payment', 94, 'create', 'amount_wan', '', '600', 'import#1', '');
INSERT INTO public.audit_entries VALUES (327, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'payment', 95, 'create', 'amount_wan', '', '195', 'import#1', '');
INSERT INTO public.audit_entries VALUES (328, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'payment', 96, 'create', 'amount_wan', '', '195', 'import#1', '');
INSERT INTO public.audit_entries VALUES (329, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'payment', 97, 'create', 'amount_wan', '', '195', 'import#1', '');
INSERT INTO public.audit_entries VALUES (330, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'payment', 98, 'create', 'amount_wan', '', '80', 'import#1', '');
INSERT INTO public.audit_entries VALUES (331, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'payment', 99, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (332, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'payment', 100, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (333, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'payment', 101, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (334, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'payment', 102, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (335, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'payment', 103, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (336, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'payment', 104, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (337, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'payment', 105, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (338, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'payment', 106, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (339, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'payment', 107, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (340, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'payment', 108, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (341, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'payment', 109, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (342, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'payment', 110, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (343, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'payment', 111, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (344, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'payment', 112, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (345, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'payment', 113, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (346, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'payment', 114, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (347, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'payment', 115, 'create', 'amount_wan', '', '1200', 'import#1', '');
INSERT INTO public.audit_entries VALUES (348, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'payment', 116, 'create', 'amount_wan', '', '60', 'import#1', '');
INSERT INTO public.audit_entries VALUES (349, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'payment', 117, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (350, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'payment', 118, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (351, '2026-12-01 22:47:53.826834+00', 'demo', 16, 'payment', 119, 'create', 'amount_wan', '', '8000', 'import#1', '');
INSERT INTO public.audit_entries VALUES (352, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'payment', 120, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (353, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'payment', 121, 'create', 'amount_wan', '', '260', 'import#1', '');
INSERT INTO public.audit_entries VALUES (354, '2026-12-01 22:47:53.826834+00', 'demo', 11, 'payment', 122, 'create', 'amount_wan', '', '260', 'import#1', '');
INSERT INTO public.audit_entries VALUES (355, '2026-12-01 22:47:53.826834+00', 'demo', 13, 'payment', 123, 'create', 'amount_wan', '', '50', 'import#1', '');
INSERT INTO public.audit_entries VALUES (356, '2026-12-01 22:47:53.826834+00', 'demo', 15, 'payment', 124, 'create', 'amount_wan', '', '75', 'import#1', '');
INSERT INTO public.audit_entries VALUES (357, '2026-12-01 22:47:53.826834+00', 'demo', 27, 'payment', 125, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (358, '2026-12-01 22:47:53.826834+00', 'demo', 28, 'payment', 126, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (359, '2026-12-01 22:47:53.826834+00', 'demo', 29, 'payment', 127, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (360, '2026-12-01 22:47:53.826834+00', 'demo', 30, 'payment', 128, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (361, '2026-12-01 22:47:53.826834+00', 'demo', 31, 'payment', 129, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (362, '2026-12-01 22:47:53.826834+00', 'demo', 32, 'payment', 130, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (363, '2026-12-01 22:47:53.826834+00', 'demo', 33, 'payment', 131, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (364, '2026-12-01 22:47:53.826834+00', 'demo', 34, 'payment', 132, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (365, '2026-12-01 22:47:53.826834+00', 'demo', 47, 'payment', 133, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (366, '2026-12-01 22:47:53.826834+00', 'demo', 48, 'payment', 134, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (367, '2026-12-01 22:47:53.826834+00', 'demo', 49, 'payment', 135, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (368, '2026-12-01 22:47:53.826834+00', 'demo', 50, 'payment', 136, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (369, '2026-12-01 22:47:53.826834+00', 'demo', 52, 'payment', 137, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (370, '2026-12-01 22:47:53.826834+00', 'demo', 53, 'payment', 138, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (371, '2026-12-01 22:47:53.826834+00', 'demo', 55, 'payment', 139, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (372, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'payment', 140, 'create', 'amount_wan', '', '260', 'import#1', '');
INSERT INTO public.audit_entries VALUES (373, '2026-12-01 22:47:53.826834+00', 'demo', 7, 'payment', 141, 'create', 'amount_wan', '', '162.5', 'import#1', '');
INSERT INTO public.audit_entries VALUES (374, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'payment', 142, 'create', 'amount_wan', '', '80', 'import#1', '');
INSERT INTO public.audit_entries VALUES (375, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'payment', 143, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (376, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'payment', 144, 'create', 'amount_wan', '', '120', 'import#1', '');
INSERT INTO public.audit_entries VALUES (377, '2026-12-01 22:47:53.826834+00', 'demo', 51, 'payment', 145, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (378, '2026-12-01 22:47:53.826834+00', 'demo', 54, 'payment', 146, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (379, '2026-12-01 22:47:53.826834+00', 'demo', 8, 'payment', 147, 'create', 'amount_wan', '', '162.5', 'import#1', '');
INSERT INTO public.audit_entries VALUES (380, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'payment', 148, 'create', 'amount_wan', '', '160', 'import#1', '');
INSERT INTO public.audit_entries VALUES (381, '2026-12-01 22:47:53.826834+00', 'demo', 14, 'payment', 149, 'create', 'amount_wan', '', '50', 'import#1', '');
INSERT INTO public.audit_entries VALUES (382, '2026-12-01 22:47:53.826834+00', 'demo', 36, 'payment', 150, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (383, '2026-12-01 22:47:53.826834+00', 'demo', 12, 'payment', 151, 'create', 'amount_wan', '', '450', 'import#1', '');
INSERT INTO public.audit_entries VALUES (384, '2026-12-01 22:47:53.826834+00', 'demo', 2, 'payment', 152, 'create', 'amount_wan', '', '750', 'import#1', '');
INSERT INTO public.audit_entries VALUES (385, '2026-12-01 22:47:53.826834+00', 'demo', 6, 'payment', 153, 'create', 'amount_wan', '', '375', 'import#1', '');
INSERT INTO public.audit_entries VALUES (386, '2026-12-01 22:47:53.826834+00', 'demo', 9, 'payment', 154, 'create', 'amount_wan', '', '162.5', 'import#1', '');
INSERT INTO public.audit_entries VALUES (387, '2026-12-01 22:47:53.826834+00', 'demo', 35, 'payment', 155, 'create', 'amount_wan', '', '100', 'import#1', '');
INSERT INTO public.audit_entries VALUES (388, '2026-12-01 22:47:53.826834+00', 'demo', 10, 'payment', 156, 'create', 'amount_wan', '', '162.5', 'import#1', '');
INSERT INTO public.audit_entries VALUES (389, '2026-12-01 22:47:53.826834+00', 'demo', 5, 'payment', 157, 'create', 'amount_wan', '', '1250', 'import#1', '');
INSERT INTO public.audit_entries VALUES (390, '2026-12-01 22:47:53.826834+00', 'demo', 3, 'payment', 158, 'create', 'amount_wan', '', '750', 'import#1', '');
INSERT INTO public.audit_entries VALUES (391, '2026-12-01 22:47:53.826834+00', 'demo', 1, 'payment', 159, 'create', 'amount_wan', '', '1250', 'import#1', '');


--
-- Data for Name: budget_lines; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: disbursements; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.disbursements VALUES (1, 17, '2017-04-09', '省级补助', 120000000, '记2017-0001', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (2, 19, '2017-04-09', '省级补助', 120000000, '记2017-0002', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (3, 37, '2017-04-09', '省级补助', 120000000, '记2017-0003', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (4, 38, '2017-04-09', '省级补助', 120000000, '记2017-0004', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (5, 17, '2017-09-06', '县级配套', 160000000, '记2017-0005', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (6, 19, '2017-09-06', '县级配套', 160000000, '记2017-0006', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (7, 37, '2017-09-06', '县级配套', 160000000, '记2017-0007', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (8, 38, '2017-09-06', '县级配套', 160000000, '记2017-0008', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (9, 18, '2017-10-12', '省级补助', 120000000, '记2017-0009', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (10, 17, '2018-01-19', '县级配套', 100000000, '记2018-0001', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (11, 19, '2018-01-19', '县级配套', 100000000, '记2018-0002', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (12, 37, '2018-01-19', '县级配套', 100000000, '记2018-0003', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (13, 38, '2018-01-19', '县级配套', 100000000, '记2018-0004', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (14, 18, '2018-03-11', '县级配套', 160000000, '记2018-0005', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (15, 20, '2018-04-09', '省级补助', 120000000, '记2018-0006', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (16, 21, '2018-04-09', '省级补助', 120000000, '记2018-0007', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (17, 22, '2018-04-09', '省级补助', 120000000, '记2018-0008', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (18, 23, '2018-04-09', '省级补助', 120000000, '记2018-0009', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (19, 25, '2018-04-09', '省级补助', 120000000, '记2018-0010', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (20, 26, '2018-04-09', '省级补助', 120000000, '记2018-0011', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (21, 39, '2018-04-09', '省级补助', 120000000, '记2018-0012', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (22, 40, '2018-04-09', '省级补助', 120000000, '记2018-0013', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (23, 41, '2018-04-09', '省级补助', 120000000, '记2018-0014', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (24, 42, '2018-04-09', '省级补助', 120000000, '记2018-0015', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (25, 43, '2018-04-09', '省级补助', 120000000, '记2018-0016', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (26, 44, '2018-04-09', '省级补助', 120000000, '记2018-0017', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (27, 45, '2018-04-09', '省级补助', 120000000, '记2018-0018', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (28, 46, '2018-04-09', '省级补助', 120000000, '记2018-0019', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (29, 24, '2018-07-01', '省级补助', 120000000, '记2018-0020', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (30, 18, '2018-07-30', '县级配套', 100000000, '记2018-0021', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (31, 20, '2018-09-06', '县级配套', 160000000, '记2018-0022', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (32, 21, '2018-09-06', '县级配套', 160000000, '记2018-0023', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (33, 22, '2018-09-06', '县级配套', 160000000, '记2018-0024', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (34, 23, '2018-09-06', '县级配套', 160000000, '记2018-0025', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (35, 25, '2018-09-06', '县级配套', 160000000, '记2018-0026', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (36, 26, '2018-09-06', '县级配套', 160000000, '记2018-0027', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (37, 39, '2018-09-06', '县级配套', 160000000, '记2018-0028', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (38, 40, '2018-09-06', '县级配套', 160000000, '记2018-0029', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (39, 41, '2018-09-06', '县级配套', 160000000, '记2018-0030', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (40, 42, '2018-09-06', '县级配套', 160000000, '记2018-0031', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (41, 43, '2018-09-06', '县级配套', 160000000, '记2018-0032', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (42, 44, '2018-09-06', '县级配套', 160000000, '记2018-0033', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (43, 45, '2018-09-06', '县级配套', 160000000, '记2018-0034', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (44, 46, '2018-09-06', '县级配套', 160000000, '记2018-0035', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (45, 7, '2018-11-09', '中央预算内投资', 195000000, '记2018-0036', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (46, 24, '2018-11-28', '县级配套', 160000000, '记2018-0037', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (47, 8, '2019-01-04', '中央预算内投资', 195000000, '记2019-0001', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (48, 2, '2019-01-09', '中央预算内投资', 900000000, '记2019-0002', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (49, 12, '2019-01-09', '中央预算内投资', 540000000, '记2019-0003', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (50, 5, '2019-01-17', '中央预算内投资', 1500000000, '记2019-0004', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (51, 20, '2019-01-19', '县级配套', 100000000, '记2019-0005', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (52, 21, '2019-01-19', '县级配套', 100000000, '记2019-0006', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (53, 22, '2019-01-19', '县级配套', 100000000, '记2019-0007', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (54, 23, '2019-01-19', '县级配套', 100000000, '记2019-0008', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (55, 25, '2019-01-19', '县级配套', 100000000, '记2019-0009', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (56, 26, '2019-01-19', '县级配套', 100000000, '记2019-0010', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (57, 39, '2019-01-19', '县级配套', 100000000, '记2019-0011', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (58, 40, '2019-01-19', '县级配套', 100000000, '记2019-0012', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (59, 41, '2019-01-19', '县级配套', 100000000, '记2019-0013', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (60, 42, '2019-01-19', '县级配套', 100000000, '记2019-0014', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (61, 43, '2019-01-19', '县级配套', 100000000, '记2019-0015', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (62, 44, '2019-01-19', '县级配套', 100000000, '记2019-0016', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (63, 45, '2019-01-19', '县级配套', 100000000, '记2019-0017', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (64, 46, '2019-01-19', '县级配套', 100000000, '记2019-0018', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (65, 1, '2019-02-07', '中央预算内投资', 1500000000, '记2019-0019', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (66, 6, '2019-02-09', '中央预算内投资', 450000000, '记2019-0020', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (67, 7, '2019-04-08', '福彩公益金', 260000000, '记2019-0021', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (68, 13, '2019-04-09', '省级补助', 60000000, '记2019-0022', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (69, 15, '2019-04-09', '中央预算内投资', 90000000, '记2019-0023', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (70, 27, '2019-04-09', '省级补助', 120000000, '记2019-0024', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (71, 28, '2019-04-09', '省级补助', 120000000, '记2019-0025', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (72, 29, '2019-04-09', '省级补助', 120000000, '记2019-0026', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (73, 30, '2019-04-09', '省级补助', 120000000, '记2019-0027', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (74, 31, '2019-04-09', '省级补助', 120000000, '记2019-0028', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (75, 32, '2019-04-09', '省级补助', 120000000, '记2019-0029', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (76, 33, '2019-04-09', '省级补助', 120000000, '记2019-0030', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (77, 34, '2019-04-09', '省级补助', 120000000, '记2019-0031', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (78, 47, '2019-04-09', '省级补助', 120000000, '记2019-0032', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (79, 48, '2019-04-09', '省级补助', 120000000, '记2019-0033', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (80, 49, '2019-04-09', '省级补助', 120000000, '记2019-0034', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (81, 50, '2019-04-09', '省级补助', 120000000, '记2019-0035', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (82, 52, '2019-04-09', '省级补助', 120000000, '记2019-0036', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (83, 53, '2019-04-09', '省级补助', 120000000, '记2019-0037', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (84, 55, '2019-04-09', '省级补助', 120000000, '记2019-0038', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (85, 3, '2019-04-19', '中央预算内投资', 900000000, '记2019-0039', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (86, 51, '2019-05-08', '省级补助', 120000000, '记2019-0040', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (87, 8, '2019-06-03', '福彩公益金', 260000000, '记2019-0041', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (88, 2, '2019-06-08', '福彩公益金', 1200000000, '记2019-0042', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (89, 12, '2019-06-08', '省级补助', 720000000, '记2019-0043', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (90, 16, '2019-06-09', '地方政府专项债券', 6000000000, '记2019-0044', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (91, 5, '2019-06-16', '省级补助', 2000000000, '记2019-0045', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (92, 24, '2019-06-29', '县级配套', 100000000, '记2019-0046', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (93, 1, '2019-07-07', '福彩公益金', 2000000000, '记2019-0047', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (94, 6, '2019-07-09', '省级补助', 600000000, '记2019-0048', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (95, 9, '2019-07-10', '中央预算内投资', 195000000, '记2019-0049', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (96, 11, '2019-08-14', '中央预算内投资', 195000000, '记2019-0050', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (97, 10, '2019-08-31', '中央预算内投资', 195000000, '记2019-0051', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (98, 13, '2019-09-06', '县级配套', 80000000, '记2019-0052', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (99, 15, '2019-09-06', '福彩公益金', 120000000, '记2019-0053', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (100, 27, '2019-09-06', '县级配套', 160000000, '记2019-0054', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (101, 28, '2019-09-06', '县级配套', 160000000, '记2019-0055', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (102, 29, '2019-09-06', '县级配套', 160000000, '记2019-0056', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (103, 30, '2019-09-06', '县级配套', 160000000, '记2019-0057', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (104, 31, '2019-09-06', '县级配套', 160000000, '记2019-0058', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (105, 32, '2019-09-06', '县级配套', 160000000, '记2019-0059', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (106, 33, '2019-09-06', '县级配套', 160000000, '记2019-0060', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (107, 34, '2019-09-06', '县级配套', 160000000, '记2019-0061', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (108, 47, '2019-09-06', '县级配套', 160000000, '记2019-0062', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (109, 48, '2019-09-06', '县级配套', 160000000, '记2019-0063', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (110, 49, '2019-09-06', '县级配套', 160000000, '记2019-0064', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (111, 50, '2019-09-06', '县级配套', 160000000, '记2019-0065', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (112, 52, '2019-09-06', '县级配套', 160000000, '记2019-0066', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (113, 53, '2019-09-06', '县级配套', 160000000, '记2019-0067', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (114, 55, '2019-09-06', '县级配套', 160000000, '记2019-0068', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (115, 3, '2019-09-16', '福彩公益金', 1200000000, '记2019-0069', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (116, 14, '2019-10-02', '中央预算内投资', 60000000, '记2019-0070', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (117, 51, '2019-10-05', '县级配套', 160000000, '记2019-0071', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (118, 36, '2019-10-10', '省级补助', 120000000, '记2019-0072', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (119, 16, '2019-11-06', '地方政府专项债券', 8000000000, '记2019-0073', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (120, 54, '2019-12-05', '省级补助', 120000000, '记2019-0074', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (121, 9, '2019-12-07', '福彩公益金', 260000000, '记2019-0075', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (122, 11, '2020-01-11', '福彩公益金', 260000000, '记2020-0001', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (123, 13, '2020-01-19', '县级配套', 50000000, '记2020-0002', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (124, 15, '2020-01-19', '县级配套', 75000000, '记2020-0003', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (125, 27, '2020-01-19', '县级配套', 100000000, '记2020-0004', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (126, 28, '2020-01-19', '县级配套', 100000000, '记2020-0005', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (127, 29, '2020-01-19', '县级配套', 100000000, '记2020-0006', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (128, 30, '2020-01-19', '县级配套', 100000000, '记2020-0007', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (129, 31, '2020-01-19', '县级配套', 100000000, '记2020-0008', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (130, 32, '2020-01-19', '县级配套', 100000000, '记2020-0009', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (131, 33, '2020-01-19', '县级配套', 100000000, '记2020-0010', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (132, 34, '2020-01-19', '县级配套', 100000000, '记2020-0011', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (133, 47, '2020-01-19', '县级配套', 100000000, '记2020-0012', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (134, 48, '2020-01-19', '县级配套', 100000000, '记2020-0013', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (135, 49, '2020-01-19', '县级配套', 100000000, '记2020-0014', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (136, 50, '2020-01-19', '县级配套', 100000000, '记2020-0015', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (137, 52, '2020-01-19', '县级配套', 100000000, '记2020-0016', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (138, 53, '2020-01-19', '县级配套', 100000000, '记2020-0017', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (139, 55, '2020-01-19', '县级配套', 100000000, '记2020-0018', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (140, 10, '2020-01-28', '福彩公益金', 260000000, '记2020-0019', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (141, 7, '2020-02-18', '县级配套', 162500000, '记2020-0020', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (142, 14, '2020-02-29', '福彩公益金', 80000000, '记2020-0021', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (143, 36, '2020-03-08', '县级配套', 160000000, '记2020-0022', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (144, 35, '2020-03-16', '省级补助', 120000000, '记2020-0023', '首期工程款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (145, 51, '2020-03-20', '县级配套', 100000000, '记2020-0024', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (146, 54, '2020-05-03', '县级配套', 160000000, '记2020-0025', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (147, 8, '2020-05-30', '县级配套', 162500000, '记2020-0026', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (148, 35, '2020-08-13', '县级配套', 160000000, '记2020-0027', '进度款', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (149, 14, '2020-08-29', '县级配套', 50000000, '记2020-0028', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (150, 36, '2020-09-13', '县级配套', 100000000, '记2020-0029', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (151, 12, '2020-12-19', '县级配套', 450000000, '记2020-0030', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (152, 2, '2021-02-18', '县级配套', 750000000, '记2021-0001', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (153, 6, '2021-02-18', '县级配套', 375000000, '记2021-0002', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (154, 9, '2021-02-18', '县级配套', 162500000, '记2021-0003', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (155, 35, '2021-05-30', '县级配套', 100000000, '记2021-0004', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (156, 10, '2021-06-29', '县级配套', 162500000, '记2021-0005', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (157, 5, '2021-07-19', '县级配套', 1250000000, '记2021-0006', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (158, 3, '2021-08-29', '县级配套', 750000000, '记2021-0007', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.disbursements VALUES (159, 1, '2022-01-29', '县级配套', 1250000000, '记2022-0001', '竣工结算款（预留5%质保金）', 'demo', '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');


--
-- Data for Name: import_batches; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.import_batches VALUES (1, 'mixed', '示例-三年行动计划附件.xlsx
示例-进度月报.xlsx
示例-资金拨付台账.xlsx', 'demo', 346, 0, 0, '2026-12-01 22:47:53.826834+00');


--
-- Data for Name: indicator_targets; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.indicator_targets VALUES (1, 2, '城乡社区基础设施建设面积达到400平方米以上的比例', 2018, '20%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 3);
INSERT INTO public.indicator_targets VALUES (2, 2, '城乡社区基础设施建设面积达到400平方米以上的比例', 2019, '80%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 3);
INSERT INTO public.indicator_targets VALUES (3, 2, '城乡社区基础设施建设面积达到800平方米以上的比例', 2018, '5%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 4);
INSERT INTO public.indicator_targets VALUES (4, 2, '城乡社区基础设施建设面积达到800平方米以上的比例', 2019, '20%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 4);
INSERT INTO public.indicator_targets VALUES (5, 2, '开展村民小组自治的行政村比例', 2018, '5%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 5);
INSERT INTO public.indicator_targets VALUES (6, 2, '开展村民小组自治的行政村比例', 2019, '100%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 5);
INSERT INTO public.indicator_targets VALUES (7, 2, '城市社区服务阵地面积（平方米）', 2019, '600-800', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 6);
INSERT INTO public.indicator_targets VALUES (8, 2, '城市社区运转经费保障（万元/年）', 2019, '20', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 7);
INSERT INTO public.indicator_targets VALUES (9, 2, '农村社区运转经费保障（万元/年）', 2019, '15', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 8);
INSERT INTO public.indicator_targets VALUES (10, 2, '城市社区惠民项目资金（万元/年）', 2017, '10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 9);
INSERT INTO public.indicator_targets VALUES (11, 2, '城市社区惠民项目资金（万元/年）', 2018, '10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 9);
INSERT INTO public.indicator_targets VALUES (12, 2, '城市社区惠民项目资金（万元/年）', 2019, '10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 9);
INSERT INTO public.indicator_targets VALUES (13, 2, '农村社区惠民项目资金（万元/年）', 2017, '5～10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 10);
INSERT INTO public.indicator_targets VALUES (14, 2, '农村社区惠民项目资金（万元/年）', 2018, '5～10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 10);
INSERT INTO public.indicator_targets VALUES (15, 2, '农村社区惠民项目资金（万元/年）', 2019, '5～10', '县财政局', '示例-三年行动计划附件.xlsx', '附件2', 10);
INSERT INTO public.indicator_targets VALUES (16, 2, '获得社会工作职业资格的城市社区工作人员比例', 2019, '50%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 11);
INSERT INTO public.indicator_targets VALUES (17, 2, '获得社会工作职业资格的农村社区工作人员比例', 2019, '30%', '县民政局', '示例-三年行动计划附件.xlsx', '附件2', 12);
INSERT INTO public.indicator_targets VALUES (18, 2, '重点培育优秀社区党组织书记（名）', 2019, '50', '县委组织部', '示例-三年行动计划附件.xlsx', '附件2', 13);
INSERT INTO public.indicator_targets VALUES (19, 2, '县本级党员干部示范培训实践基地（个）', 2019, '10', '县委组织部', '示例-三年行动计划附件.xlsx', '附件2', 14);


--
-- Data for Name: milestones; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.milestones VALUES (7, 4, 'start', 'start', 0, '2019-10-31', 'month', NULL, NULL, '', 1, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (25, 13, 'start', 'start', 0, NULL, '', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (111, 56, 'start', 'start', 0, '2019-12-31', 'year', NULL, NULL, '', 1, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (1, 1, 'start', 'start', 0, '2018-12-31', 'month', NULL, '2019-01-08', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (3, 2, 'start', 'start', 0, '2018-12-31', 'month', NULL, '2018-12-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (4, 2, 'finish', 'finish', 1048576, '2020-12-31', 'month', NULL, '2020-12-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (5, 3, 'start', 'start', 0, '2019-01-31', 'month', NULL, '2019-03-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (9, 5, 'start', 'start', 0, '2018-12-31', 'month', NULL, '2018-12-18', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (11, 6, 'start', 'start', 0, '2019-01-31', 'month', NULL, '2019-01-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (12, 6, 'finish', 'finish', 1048576, '2020-12-31', 'month', NULL, '2020-12-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (13, 7, 'start', 'start', 0, '2018-10-31', 'month', NULL, '2018-10-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (14, 7, 'finish', 'finish', 1048576, '2019-12-31', 'month', NULL, '2019-12-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (15, 8, 'start', 'start', 0, '2018-10-31', 'month', NULL, '2018-12-05', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (16, 8, 'finish', 'finish', 1048576, '2019-12-31', 'month', NULL, '2020-03-31', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (17, 9, 'start', 'start', 0, '2019-06-30', 'month', NULL, '2019-06-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (18, 9, 'finish', 'finish', 1048576, '2020-12-31', 'month', NULL, '2020-12-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (19, 10, 'start', 'start', 0, '2019-06-30', 'month', NULL, '2019-08-01', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (21, 11, 'start', 'start', 0, '2019-06-30', 'month', NULL, '2019-07-15', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (23, 12, 'start', 'start', 0, '2018-12-31', 'month', NULL, '2018-12-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (24, 12, 'finish', 'finish', 1048576, '2020-10-31', 'month', NULL, '2020-10-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (26, 13, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (27, 14, 'start', 'start', 0, NULL, '', NULL, '2019-09-02', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (28, 14, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2020-06-30', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (29, 15, 'start', 'start', 0, NULL, '', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (30, 15, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (31, 16, 'start', 'start', 0, NULL, '', NULL, '2019-05-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (33, 17, 'start', 'start', 0, '2017-12-31', 'year', NULL, '2017-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (34, 17, 'finish', 'finish', 1048576, '2017-12-31', 'year', NULL, '2017-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (35, 18, 'start', 'start', 0, '2017-12-31', 'year', NULL, '2017-09-12', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (36, 18, 'finish', 'finish', 1048576, '2017-12-31', 'year', NULL, '2018-05-31', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (37, 19, 'start', 'start', 0, '2017-12-31', 'year', NULL, '2017-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (38, 19, 'finish', 'finish', 1048576, '2017-12-31', 'year', NULL, '2017-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (39, 20, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (40, 20, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (41, 21, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (42, 21, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (43, 22, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (44, 22, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (45, 23, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (46, 23, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (47, 24, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-06-01', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (48, 24, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2019-04-30', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (49, 25, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (50, 25, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (51, 26, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (52, 26, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (53, 27, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (54, 27, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (55, 28, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (56, 28, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (57, 29, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (58, 29, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (59, 30, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (60, 30, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (61, 31, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (62, 31, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (63, 32, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (64, 32, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (65, 33, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (66, 33, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (67, 34, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (68, 34, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (69, 35, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2020-02-15', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (71, 36, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-09-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (72, 36, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2020-07-15', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (73, 37, 'start', 'start', 0, '2017-12-31', 'year', NULL, '2017-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (74, 37, 'finish', 'finish', 1048576, '2017-12-31', 'year', NULL, '2017-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (75, 38, 'start', 'start', 0, '2017-12-31', 'year', NULL, '2017-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (76, 38, 'finish', 'finish', 1048576, '2017-12-31', 'year', NULL, '2017-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (77, 39, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (78, 39, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (79, 40, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (80, 40, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (81, 41, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (82, 41, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (83, 42, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (84, 42, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (85, 43, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (86, 43, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (87, 44, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (88, 44, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (89, 45, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (90, 45, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (91, 46, 'start', 'start', 0, '2018-12-31', 'year', NULL, '2018-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (92, 46, 'finish', 'finish', 1048576, '2018-12-31', 'year', NULL, '2018-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (93, 47, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (94, 47, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (95, 48, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (96, 48, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (97, 49, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (98, 49, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (99, 50, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (100, 50, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (101, 51, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-04-08', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (102, 51, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2020-01-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (103, 52, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (104, 52, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (105, 53, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (106, 53, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (107, 54, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-11-05', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (109, 55, 'start', 'start', 0, '2019-12-31', 'year', NULL, '2019-03-10', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (110, 55, 'finish', 'finish', 1048576, '2019-12-31', 'year', NULL, '2019-11-20', '', 2, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (2, 1, 'finish', 'finish', 1048576, '2020-12-31', 'month', '2021-11-30', '2021-11-30', '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (6, 3, 'finish', 'finish', 1048576, '2020-12-31', 'month', '2021-06-30', '2021-06-30', '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (8, 4, 'finish', 'finish', 1048576, '2020-12-31', 'month', '2027-12-31', NULL, '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (10, 5, 'finish', 'finish', 1048576, '2020-10-31', 'month', '2021-05-31', '2021-05-20', '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (20, 10, 'finish', 'finish', 1048576, '2020-12-31', 'month', '2021-04-30', '2021-04-30', '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (22, 11, 'finish', 'finish', 1048576, '2020-12-31', 'month', '2027-03-31', NULL, '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (32, 16, 'finish', 'finish', 1048576, '2020-12-31', 'year', '2027-06-30', NULL, '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (70, 35, 'finish', 'finish', 1048576, '2019-12-31', 'year', '2021-03-31', '2021-03-31', '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (108, 54, 'finish', 'finish', 1048576, '2019-12-31', 'year', '2027-05-31', NULL, '', 3, '2026-12-01 22:47:53.826834+00');
INSERT INTO public.milestones VALUES (112, 56, 'finish', 'finish', 1048576, '2019-12-31', 'year', '2027-09-30', NULL, '', 3, '2026-12-01 22:47:53.826834+00');


--
-- Data for Name: progress_reports; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.progress_reports VALUES (1, 1, '2020-12-31', 68, 3400000000, '施工：受新冠肺炎疫情影响，工期顺延', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (2, 2, '2020-12-31', 100, 3000000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (3, 3, '2020-12-31', 78, 2340000000, '施工：受新冠肺炎疫情影响，工期顺延', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (4, 4, '2020-12-31', 0, 0, '用地：项目用地未落实，选址调整方案待县自然资源局审批，尚未开工', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (5, 5, '2020-12-31', 84, 4200000000, '施工：受新冠肺炎疫情影响，工期顺延', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (6, 6, '2020-12-31', 100, 1500000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (7, 7, '2020-12-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (8, 8, '2020-12-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (9, 9, '2020-12-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (10, 10, '2020-12-31', 81, 526500000, '施工：受新冠肺炎疫情影响，工期顺延', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (11, 11, '2020-12-31', 85, 552500000, '资金：施工单位资金链断裂，已停工，正在重新招标', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (12, 12, '2020-12-31', 100, 1800000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (13, 13, '2020-12-31', 100, 200000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (14, 14, '2020-12-31', 100, 200000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (15, 15, '2020-12-31', 100, 300000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (16, 16, '2020-12-31', 70, 14000000000, '审批：火化设备环评批复尚未取得，主体工程已完工待验收', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (17, 17, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (18, 18, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (19, 19, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (20, 20, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (21, 21, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (22, 22, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (23, 23, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (24, 24, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (25, 25, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (26, 26, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (27, 27, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (28, 28, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (29, 29, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (30, 30, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (31, 31, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (32, 32, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (33, 33, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (34, 34, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (35, 35, '2020-12-31', 78, 312000000, '施工：受新冠肺炎疫情影响，工期顺延', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (36, 36, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (37, 37, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (38, 38, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (39, 39, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (40, 40, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (41, 41, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (42, 42, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (43, 43, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (44, 44, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (45, 45, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (46, 46, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (47, 47, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (48, 48, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (49, 49, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (50, 50, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (51, 51, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (52, 52, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (53, 53, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (54, 54, '2020-12-31', 40, 160000000, '用地：群众对选址有异议，2020年停工协调', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (55, 55, '2020-12-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (56, 56, '2020-12-31', 0, 0, '资金：县级配套资金未落实，尚未开工', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (57, 1, '2026-10-31', 100, 5000000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (58, 2, '2026-10-31', 100, 3000000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (59, 3, '2026-10-31', 100, 3000000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (60, 4, '2026-10-31', 0, 0, '用地：项目用地未落实，选址调整方案待县自然资源局审批，尚未开工', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (61, 5, '2026-10-31', 100, 5000000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (62, 6, '2026-10-31', 100, 1500000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (63, 7, '2026-10-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (64, 8, '2026-10-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (65, 9, '2026-10-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (66, 10, '2026-10-31', 100, 650000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (67, 11, '2026-10-31', 85, 552500000, '资金：施工单位资金链断裂，已停工，正在重新招标', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (68, 12, '2026-10-31', 100, 1800000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (69, 13, '2026-10-31', 100, 200000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (70, 14, '2026-10-31', 100, 200000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (71, 15, '2026-10-31', 100, 300000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (72, 16, '2026-10-31', 70, 14000000000, '审批：火化设备环评批复尚未取得，主体工程已完工待验收', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (73, 17, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (74, 18, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (75, 19, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (76, 20, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (77, 21, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (78, 22, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (79, 23, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (80, 24, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (81, 25, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (82, 26, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (83, 27, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (84, 28, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (85, 29, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (86, 30, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (87, 31, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (88, 32, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (89, 33, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (90, 34, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (91, 35, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (92, 36, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (93, 37, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (94, 38, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (95, 39, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (96, 40, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (97, 41, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (98, 42, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (99, 43, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (100, 44, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (101, 45, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (102, 46, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (103, 47, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (104, 48, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (105, 49, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (106, 50, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (107, 51, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (108, 52, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (109, 53, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (110, 54, '2026-10-31', 40, 160000000, '用地：群众对选址有异议，2020年停工协调', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (111, 55, '2026-10-31', 100, 400000000, '', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.progress_reports VALUES (112, 56, '2026-10-31', 0, 0, '资金：县级配套资金未落实，尚未开工', 'import#1', 'demo', '2026-12-01 22:47:53.826834+00');


--
-- Data for Name: projects; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.projects VALUES (1, 'A1-F6DC0BA4E7F6', '官舟片区养老服务中心', '官舟片区养老服务中心', 1, '片区养老服务中心', '官舟镇（猴渡坪景区）', '官舟镇', '县民政局', '覆盖官舟、和平、团结、土地坳、黑水、泉坝、中寨、思渠、黄土等9个乡镇（街道），服务总人口30万人，老年人口近4万人；含老年公寓养护楼和老年康养服务中心', '2018-12-31', 'month', '2020-12-31', 'month', 5000000000, 13000, 20, 300, '示例-三年行动计划附件.xlsx', '附件1', 6, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (2, 'A1-C7AAEB737CFB', '洪渡片区养老服务中心', '洪渡片区养老服务中心', 1, '片区养老服务中心', '洪渡镇', '洪渡镇', '县民政局', '覆盖洪渡、塘坝、后坪、新景、客田等5个乡镇，服务总人口10万人，老年人口近1.3万人；含老年公寓养护楼和老年康养服务中心', '2018-12-31', 'month', '2020-12-31', 'month', 3000000000, 9300, 15, 200, '示例-三年行动计划附件.xlsx', '附件1', 7, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (3, 'A1-2420327C06C7', '中界片区养老服务中心', '中界片区养老服务中心', 1, '片区养老服务中心', '中界镇', '中界镇', '县民政局', '覆盖中界、晓景、沙子、谯家等4个乡镇，服务总人口12万人，老年人口近1.5万人；含老年公寓养护楼和老年康养服务中心', '2019-01-31', 'month', '2020-12-31', 'month', 3000000000, 9300, 15, 200, '示例-三年行动计划附件.xlsx', '附件1', 8, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (4, 'A1-83186E91FEB2', '甘溪片区养老服务中心', '甘溪片区养老服务中心', 1, '片区养老服务中心', '甘溪镇', '甘溪镇', '县民政局', '覆盖甘溪、淇滩、夹石、板场等4个乡镇，服务总人口13万人，老年人口近1.5万人；含老年公寓养护楼和老年康养服务中心', '2019-10-31', 'month', '2020-12-31', 'month', 3000000000, 9300, 15, 200, '示例-三年行动计划附件.xlsx', '附件1', 9, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (5, 'A1-0742C6F1E896', '儿童福利院', '儿童福利院', 1, '儿童福利和未成年人保护设施', '县城', '', '县民政局', '新建儿童福利院1所', '2018-12-31', 'month', '2020-10-31', 'month', 5000000000, 12000, 15, 200, '示例-三年行动计划附件.xlsx', '附件1', 12, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (6, 'A1-56BB32C42D46', '未成年人保护中心', '未成年人保护中心', 1, '儿童福利和未成年人保护设施', '官舟镇', '官舟镇', '县民政局', '新建未成年人保护中心1所', '2019-01-31', 'month', '2020-12-31', 'month', 1500000000, 4650, 15, 100, '示例-三年行动计划附件.xlsx', '附件1', 13, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (7, 'A1-C1BA521331BF', '中界镇敬老院改扩建', '中界镇敬老院改扩建', 1, '乡镇敬老院改扩建', '中界镇', '中界镇', '县民政局', '敬老院改扩建，创建星级敬老院', '2018-10-31', 'month', '2019-12-31', 'month', 650000000, 2650, 5, 100, '示例-三年行动计划附件.xlsx', '附件1', 16, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (8, 'A1-8474D5BBB1E7', '晓景乡敬老院改扩建', '晓景乡敬老院改扩建', 1, '乡镇敬老院改扩建', '晓景乡', '晓景乡', '县民政局', '敬老院改扩建，创建星级敬老院', '2018-10-31', 'month', '2019-12-31', 'month', 650000000, 2650, 5, 100, '示例-三年行动计划附件.xlsx', '附件1', 17, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (9, 'A1-61056930FFEB', '黄土镇敬老院改扩建', '黄土镇敬老院改扩建', 1, '乡镇敬老院改扩建', '黄土镇', '黄土镇', '县民政局', '敬老院改扩建，创建星级敬老院', '2019-06-30', 'month', '2020-12-31', 'month', 650000000, 2650, 5, 100, '示例-三年行动计划附件.xlsx', '附件1', 18, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (10, 'A1-31B26B6ADD71', '新景镇敬老院改扩建', '新景镇敬老院改扩建', 1, '乡镇敬老院改扩建', '新景镇', '新景镇', '县民政局', '敬老院改扩建，创建星级敬老院', '2019-06-30', 'month', '2020-12-31', 'month', 650000000, 2650, 5, 100, '示例-三年行动计划附件.xlsx', '附件1', 19, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (11, 'A1-5C7431184214', '谯家镇敬老院改扩建', '谯家镇敬老院改扩建', 1, '乡镇敬老院改扩建', '谯家镇', '谯家镇', '县民政局', '敬老院改扩建，创建星级敬老院', '2019-06-30', 'month', '2020-12-31', 'month', 650000000, 2650, 5, 100, '示例-三年行动计划附件.xlsx', '附件1', 20, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (12, 'A1-1C41C8A7B541', '光荣院', '光荣院', 1, '优抚设施', '官舟镇', '官舟镇', '县民政局', '新建光荣院1所', '2018-12-31', 'month', '2020-10-31', 'month', 1800000000, 6000, 10, 200, '示例-三年行动计划附件.xlsx', '附件1', 23, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (13, 'A1-EB42F90C2825', '联桥社区居家养老服务站', '联桥社区居家养老服务站', 1, '社区居家养老服务设施', '和平街道联桥社区', '和平街道', '和平街道办事处', '建设社区居家养老服务站1个，建筑面积600平方米以上', NULL, '', '2019-12-31', 'year', 200000000, 600, NULL, NULL, '示例-三年行动计划附件.xlsx', '附件1', 25, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (14, 'A1-84E18B32607B', '城区社区日间照料中心', '城区社区日间照料中心', 1, '社区居家养老服务设施', '城区', '', '县民政局', '在城区重点打造社区日间照料中心1所', NULL, '', '2019-12-31', 'year', 200000000, NULL, NULL, NULL, '示例-三年行动计划附件.xlsx', '附件1', 26, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (15, 'A1-7A8B9ED81659', '农村互助幸福院（19个乡镇各1所）', '农村互助幸福院(19个乡镇各1所)', 1, '社区居家养老服务设施', '19个乡镇', '', '县民政局', '在19个乡镇各重点打造1所农村互助幸福院', NULL, '', '2019-12-31', 'year', 300000000, NULL, NULL, NULL, '示例-三年行动计划附件.xlsx', '附件1', 27, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (16, 'A3-402FF50E91DE', '县城殡仪馆搬迁工程', '县城殡仪馆搬迁工程', 3, '殡仪馆', '县城', '', '县民政局', '建设综合服务中心、食堂、吊唁厅、火化间、公安尸检、骨灰存放、公厕、大门管理用房及停车场、园林绿化、给排水、供电、消防等设施', NULL, '', '2020-12-31', 'year', 20000000000, 15000, NULL, NULL, '示例-三年行动计划附件.xlsx', '附件3', 6, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (17, 'A3-F77158FB3255', '官舟镇农村公益性公墓', '官舟镇农村公益性公墓', 3, '农村公益性公墓', '官舟镇', '官舟镇', '官舟镇人民政府', '新建农村公益性公墓', '2017-12-31', 'year', '2017-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 8, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (18, 'A3-32AA384562BC', '谯家镇农村公益性公墓', '谯家镇农村公益性公墓', 3, '农村公益性公墓', '谯家镇', '谯家镇', '谯家镇人民政府', '新建农村公益性公墓', '2017-12-31', 'year', '2017-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 9, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (19, 'A3-5C573356A56D', '洪渡镇农村公益性公墓', '洪渡镇农村公益性公墓', 3, '农村公益性公墓', '洪渡镇', '洪渡镇', '洪渡镇人民政府', '新建农村公益性公墓', '2017-12-31', 'year', '2017-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 10, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (20, 'A3-85EFDF4201C7', '淇滩镇农村公益性公墓', '淇滩镇农村公益性公墓', 3, '农村公益性公墓', '淇滩镇', '淇滩镇', '淇滩镇人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 11, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (21, 'A3-EF00EEDF41EE', '甘溪镇农村公益性公墓', '甘溪镇农村公益性公墓', 3, '农村公益性公墓', '甘溪镇', '甘溪镇', '甘溪镇人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 12, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (22, 'A3-7632344F6A0F', '板场镇农村公益性公墓', '板场镇农村公益性公墓', 3, '农村公益性公墓', '板场镇', '板场镇', '板场镇人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 13, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (23, 'A3-482F4A54D56B', '夹石镇农村公益性公墓', '夹石镇农村公益性公墓', 3, '农村公益性公墓', '夹石镇', '夹石镇', '夹石镇人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 14, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (24, 'A3-99718B5E004A', '沙子街道农村公益性公墓', '沙子街道农村公益性公墓', 3, '农村公益性公墓', '沙子街道', '沙子街道', '沙子街道办事处', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 15, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (25, 'A3-D11E1FCDFE9F', '中界镇农村公益性公墓', '中界镇农村公益性公墓', 3, '农村公益性公墓', '中界镇', '中界镇', '中界镇人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 16, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (26, 'A3-E50344C5E1B6', '晓景乡农村公益性公墓', '晓景乡农村公益性公墓', 3, '农村公益性公墓', '晓景乡', '晓景乡', '晓景乡人民政府', '新建农村公益性公墓', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 17, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (27, 'A3-181FBC85F510', '土地坳镇农村公益性公墓', '土地坳镇农村公益性公墓', 3, '农村公益性公墓', '土地坳镇', '土地坳镇', '土地坳镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 18, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (28, 'A3-3FEB2692B4BD', '思渠镇农村公益性公墓', '思渠镇农村公益性公墓', 3, '农村公益性公墓', '思渠镇', '思渠镇', '思渠镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 19, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (29, 'A3-D8BD544956B0', '黄土镇农村公益性公墓', '黄土镇农村公益性公墓', 3, '农村公益性公墓', '黄土镇', '黄土镇', '黄土镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 20, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (30, 'A3-0C4A26DD79CE', '新景镇农村公益性公墓', '新景镇农村公益性公墓', 3, '农村公益性公墓', '新景镇', '新景镇', '新景镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 21, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (31, 'A3-ED54E1186992', '黑水镇农村公益性公墓', '黑水镇农村公益性公墓', 3, '农村公益性公墓', '黑水镇', '黑水镇', '黑水镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 22, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (32, 'A3-E446EA9DAE3E', '泉坝镇农村公益性公墓', '泉坝镇农村公益性公墓', 3, '农村公益性公墓', '泉坝镇', '泉坝镇', '泉坝镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 23, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (33, 'A3-287DD3B062A8', '中寨镇农村公益性公墓', '中寨镇农村公益性公墓', 3, '农村公益性公墓', '中寨镇', '中寨镇', '中寨镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 24, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (34, 'A3-66862D2927BD', '塘坝镇农村公益性公墓', '塘坝镇农村公益性公墓', 3, '农村公益性公墓', '塘坝镇', '塘坝镇', '塘坝镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 25, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (35, 'A3-80D19CB4FF2F', '客田镇农村公益性公墓', '客田镇农村公益性公墓', 3, '农村公益性公墓', '客田镇', '客田镇', '客田镇人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 26, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (36, 'A3-D83648C04CDE', '后坪乡农村公益性公墓', '后坪乡农村公益性公墓', 3, '农村公益性公墓', '后坪乡', '后坪乡', '后坪乡人民政府', '新建农村公益性公墓', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 200, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 27, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (37, 'A3-717D0E410BAE', '官舟镇集中治丧服务点', '官舟镇集中治丧服务点', 3, '集中治丧服务点', '官舟镇', '官舟镇', '官舟镇人民政府', '建设农村集中治丧服务点', '2017-12-31', 'year', '2017-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 30, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (38, 'A3-E3B079E2DED0', '洪渡镇集中治丧服务点', '洪渡镇集中治丧服务点', 3, '集中治丧服务点', '洪渡镇', '洪渡镇', '洪渡镇人民政府', '建设农村集中治丧服务点', '2017-12-31', 'year', '2017-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 31, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (39, 'A3-A6D03851D97C', '谯家镇集中治丧服务点', '谯家镇集中治丧服务点', 3, '集中治丧服务点', '谯家镇', '谯家镇', '谯家镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 32, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (40, 'A3-3FF86C1C322B', '淇滩镇集中治丧服务点', '淇滩镇集中治丧服务点', 3, '集中治丧服务点', '淇滩镇', '淇滩镇', '淇滩镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 33, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (41, 'A3-57B0FDA0F8DA', '甘溪镇集中治丧服务点', '甘溪镇集中治丧服务点', 3, '集中治丧服务点', '甘溪镇', '甘溪镇', '甘溪镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 34, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (42, 'A3-01318A1887AB', '板场镇集中治丧服务点', '板场镇集中治丧服务点', 3, '集中治丧服务点', '板场镇', '板场镇', '板场镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 35, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (43, 'A3-49C62058573A', '夹石镇集中治丧服务点', '夹石镇集中治丧服务点', 3, '集中治丧服务点', '夹石镇', '夹石镇', '夹石镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 36, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (44, 'A3-2FABFBDC1F5B', '沙子街道集中治丧服务点', '沙子街道集中治丧服务点', 3, '集中治丧服务点', '沙子街道', '沙子街道', '沙子街道办事处', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 37, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (45, 'A3-431D9DAD1ECC', '中界镇集中治丧服务点', '中界镇集中治丧服务点', 3, '集中治丧服务点', '中界镇', '中界镇', '中界镇人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 38, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (46, 'A3-FAAF71581246', '晓景乡集中治丧服务点', '晓景乡集中治丧服务点', 3, '集中治丧服务点', '晓景乡', '晓景乡', '晓景乡人民政府', '建设农村集中治丧服务点', '2018-12-31', 'year', '2018-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 39, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (47, 'A3-5B6AE3213D70', '土地坳镇集中治丧服务点', '土地坳镇集中治丧服务点', 3, '集中治丧服务点', '土地坳镇', '土地坳镇', '土地坳镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 40, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (48, 'A3-CF4253F1E6C8', '思渠镇集中治丧服务点', '思渠镇集中治丧服务点', 3, '集中治丧服务点', '思渠镇', '思渠镇', '思渠镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 41, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (49, 'A3-2E39288F6DD0', '黄土镇集中治丧服务点', '黄土镇集中治丧服务点', 3, '集中治丧服务点', '黄土镇', '黄土镇', '黄土镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 42, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (50, 'A3-8132E2163AF0', '新景镇集中治丧服务点', '新景镇集中治丧服务点', 3, '集中治丧服务点', '新景镇', '新景镇', '新景镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 43, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (51, 'A3-03010DAA9A21', '黑水镇集中治丧服务点', '黑水镇集中治丧服务点', 3, '集中治丧服务点', '黑水镇', '黑水镇', '黑水镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 44, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (52, 'A3-833B3D98528F', '泉坝镇集中治丧服务点', '泉坝镇集中治丧服务点', 3, '集中治丧服务点', '泉坝镇', '泉坝镇', '泉坝镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 45, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (53, 'A3-CC31E3B7B265', '中寨镇集中治丧服务点', '中寨镇集中治丧服务点', 3, '集中治丧服务点', '中寨镇', '中寨镇', '中寨镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 46, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (54, 'A3-8AC2CC2BB3F0', '塘坝镇集中治丧服务点', '塘坝镇集中治丧服务点', 3, '集中治丧服务点', '塘坝镇', '塘坝镇', '塘坝镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 47, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (55, 'A3-F626906BFE5B', '客田镇集中治丧服务点', '客田镇集中治丧服务点', 3, '集中治丧服务点', '客田镇', '客田镇', '客田镇人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 48, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');
INSERT INTO public.projects VALUES (56, 'A3-45B494CD6666', '后坪乡集中治丧服务点', '后坪乡集中治丧服务点', 3, '集中治丧服务点', '后坪乡', '后坪乡', '后坪乡人民政府', '建设农村集中治丧服务点', '2019-12-31', 'year', '2019-12-31', 'year', 400000000, 2000, 20, NULL, '示例-三年行动计划附件.xlsx', '附件3', 49, 1, '2026-12-01 22:47:53.826834+00', '2026-12-01 22:47:53.826834+00');


--
-- Data for Name: supervision_replies; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: supervisions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tokens; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES (1, 'admin', 'admin', '', '$2a$10$SrqMfZrkMmRYNXFi7864Eex.icpaCQ/aoOnFp1D/ZfslbwQ6MBa96', false, '2026-12-01 22:47:54.192616+00');
INSERT INTO public.users VALUES (2, 'supervisor', 'supervisor', '', '$2a$10$tl4pS9AeVJ0SqCxsHS5Mf.CVnuoRy1DZcKAiTku/9uqe2l5hlfwx.', false, '2026-12-01 22:47:54.323932+00');
INSERT INTO public.users VALUES (3, 'finance', 'finance', '', '$2a$10$MjRmsb/G09vJw5hjnMxao.hhyn0clqwcqejtbbRJsB4XbYLmEg.G2', false, '2026-12-01 22:47:54.46472+00');
INSERT INTO public.users VALUES (4, 'minzheng', 'manager', '县民政局', '$2a$10$P49i.KLNt/YbS7uuHdIQ5eCHUDVZH//W8Bk1BKxZUEmEzAlt5Uc7u', false, '2026-12-01 22:47:54.663803+00');
INSERT INTO public.users VALUES (5, 'houping', 'manager', '后坪乡人民政府', '$2a$10$DmpzeN7Nx9oo7Z2Z5zJHBuXj6s2JvH3HqTgR6QgxJe8FFPKgz4vHS', false, '2026-12-01 22:47:54.812663+00');
INSERT INTO public.users VALUES (6, 'fixture', 'manager', '县民政局', '$2a$10$45dLKkJqy2Wkq9pS2mpOL.1WaYvQLDJXv4iMhB3Nu3Tgdoma2UznS', false, '2026-12-01 22:47:55.450736+00');


--
-- Name: audit_entries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_entries_id_seq', 391, true);


--
-- Name: budget_lines_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budget_lines_id_seq', 1, false);


--
-- Name: disbursements_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.disbursements_id_seq', 159, true);


--
-- Name: import_batches_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.import_batches_id_seq', 1, true);


--
-- Name: indicator_targets_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.indicator_targets_id_seq', 19, true);


--
-- Name: milestones_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.milestones_id_seq', 112, true);


--
-- Name: progress_reports_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.progress_reports_id_seq', 112, true);


--
-- Name: projects_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.projects_id_seq', 56, true);


--
-- Name: supervision_replies_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.supervision_replies_id_seq', 1, false);


--
-- Name: supervisions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.supervisions_id_seq', 1, false);


--
-- Name: tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tokens_id_seq', 1, false);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 6, true);


--
-- Name: audit_entries audit_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries
    ADD CONSTRAINT audit_entries_pkey PRIMARY KEY (id);


--
-- Name: budget_lines budget_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_lines
    ADD CONSTRAINT budget_lines_pkey PRIMARY KEY (id);


--
-- Name: disbursements disbursements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disbursements
    ADD CONSTRAINT disbursements_pkey PRIMARY KEY (id);


--
-- Name: import_batches import_batches_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_pkey PRIMARY KEY (id);


--
-- Name: indicator_targets indicator_targets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.indicator_targets
    ADD CONSTRAINT indicator_targets_pkey PRIMARY KEY (id);


--
-- Name: milestones milestones_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT milestones_pkey PRIMARY KEY (id);


--
-- Name: progress_reports progress_reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.progress_reports
    ADD CONSTRAINT progress_reports_pkey PRIMARY KEY (id);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);


--
-- Name: supervision_replies supervision_replies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervision_replies
    ADD CONSTRAINT supervision_replies_pkey PRIMARY KEY (id);


--
-- Name: supervisions supervisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervisions
    ADD CONSTRAINT supervisions_pkey PRIMARY KEY (id);


--
-- Name: tokens tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: idx_audit_entries_project_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_entries_project_id ON public.audit_entries USING btree (project_id);


--
-- Name: idx_budget; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_budget ON public.budget_lines USING btree (project_id, year, source);


--
-- Name: idx_disbursements_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_disbursements_date ON public.disbursements USING btree (date);


--
-- Name: idx_disbursements_project_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_disbursements_project_id ON public.disbursements USING btree (project_id);


--
-- Name: idx_disbursements_voucher; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_disbursements_voucher ON public.disbursements USING btree (voucher);


--
-- Name: idx_indicator; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_indicator ON public.indicator_targets USING btree (annex, task, year);


--
-- Name: idx_milestones_actual; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_milestones_actual ON public.milestones USING btree (actual);


--
-- Name: idx_milestones_forecast; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_milestones_forecast ON public.milestones USING btree (forecast);


--
-- Name: idx_milestones_project_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_milestones_project_id ON public.milestones USING btree (project_id);


--
-- Name: idx_progress_reports_project_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_progress_reports_project_id ON public.progress_reports USING btree (project_id);


--
-- Name: idx_progress_reports_report_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_progress_reports_report_date ON public.progress_reports USING btree (report_date);


--
-- Name: idx_projects_annex; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_projects_annex ON public.projects USING btree (annex);


--
-- Name: idx_projects_category; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_projects_category ON public.projects USING btree (category);


--
-- Name: idx_projects_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_projects_code ON public.projects USING btree (code);


--
-- Name: idx_projects_name_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_projects_name_key ON public.projects USING btree (name_key);


--
-- Name: idx_projects_responsible_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_projects_responsible_unit ON public.projects USING btree (responsible_unit);


--
-- Name: idx_projects_township; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_projects_township ON public.projects USING btree (township);


--
-- Name: idx_supervision_replies_supervision_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_supervision_replies_supervision_id ON public.supervision_replies USING btree (supervision_id);


--
-- Name: idx_supervisions_project_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_supervisions_project_id ON public.supervisions USING btree (project_id);


--
-- Name: idx_supervisions_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_supervisions_status ON public.supervisions USING btree (status);


--
-- Name: idx_tokens_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_tokens_hash ON public.tokens USING btree (hash);


--
-- Name: idx_tokens_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_tokens_user_id ON public.tokens USING btree (user_id);


--
-- Name: idx_users_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_users_name ON public.users USING btree (name);


--
-- Name: budget_lines fk_budget_lines_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_lines
    ADD CONSTRAINT fk_budget_lines_project FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: disbursements fk_disbursements_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disbursements
    ADD CONSTRAINT fk_disbursements_project FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: milestones fk_milestones_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT fk_milestones_project FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: progress_reports fk_progress_reports_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.progress_reports
    ADD CONSTRAINT fk_progress_reports_project FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: supervisions fk_supervisions_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervisions
    ADD CONSTRAINT fk_supervisions_project FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: supervision_replies fk_supervisions_replies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.supervision_replies
    ADD CONSTRAINT fk_supervisions_replies FOREIGN KEY (supervision_id) REFERENCES public.supervisions(id) ON DELETE CASCADE;


--
-- Name: tokens fk_tokens_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


